// Evaluated last in a renderer context, after vega, vega-lite and vega-interpreter; evaluates to render(specJson,
// done, fail). Expressions of the spec are interpreted (ast + vegaInterpreter), never compiled with Function, and
// nothing is loaded: a chart's data must be inline.
(function () {
  'use strict';
  const INLINE_ONLY = 'a chart takes its data inline (data.values); it loads nothing';
  const noLoading = () => Promise.reject(new Error(INLINE_ONLY));
  const message = e => {
    const text = String(e && e.message !== undefined ? e.message : e);
    // vega-lite reads unknown marks and channels as undefined and fails with a TypeError that names neither
    return e instanceof TypeError ? 'vega-lite could not compile the spec (check its mark and encoding): ' + text : text;
  };
  // Data sources anywhere in a vega spec: top-level and in group marks.
  const loadsData = spec => (spec.data || []).some(d => d.url !== undefined)
      || (spec.marks || []).some(mark => mark.type === 'group' && loadsData(mark));
  return function render(specJson, done, fail) {
    let view = null;
    const end = (callback, value) => {
      if (view !== null) {
        view.finalize();
      }
      callback(value);
    };
    try {
      const vegaSpec = vegaLite.compile(JSON.parse(specJson)).spec;
      if (loadsData(vegaSpec)) {
        throw new Error(INLINE_ONLY + ', not from a url');
      }
      const loader = vega.loader();
      loader.load = noLoading;
      loader.sanitize = noLoading;
      view = new vega.View(vega.parse(vegaSpec, null, { ast: true }),
          { renderer: 'none', loader, expr: vegaInterpreter, logLevel: vega.None });
      view.toSVG().then(svg => end(done, svg), e => end(fail, message(e)));
    } catch (e) {
      end(fail, message(e));
    }
  };
})()
