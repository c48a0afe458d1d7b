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
  const dataOf = spec => (spec.data || []).concat(...(spec.marks || [])
      .filter(mark => mark.type === 'group').map(dataOf));
  const loadsData = spec => dataOf(spec).some(d => d.url !== undefined);
  // The chart's data is made in the host, outside the guest's memory limit: it may generate so many rows and no
  // more, with the sequence transform (vega-lite's data.sequence) or the sequence() expression function.
  const MAX_GENERATED = 1000000;
  const tooMany = count => new Error('a chart may generate at most ' + MAX_GENERATED + ' values with sequence; this '
      + 'one asks for ' + count);
  const length = (start, stop, step) => Math.max(0, Math.ceil((stop - start) / (step || 1)));
  const checkSequences = spec => dataOf(spec).forEach(d => (d.transform || []).forEach(t => {
    if (t.type !== 'sequence') {
      return;
    }
    if (![t.start, t.stop, t.step === undefined ? 1 : t.step].every(Number.isFinite)) {
      throw new Error('a sequence in a chart takes numbers for start, stop and step');
    }
    const count = length(t.start, t.stop, t.step);
    if (count > MAX_GENERATED) {
      throw tooMany(count);
    }
  }));
  const sequence = vega.expressionFunction('sequence');
  vega.expressionFunction('sequence', function (start, stop, step) {
    const args = arguments.length === 1 ? [0, start, 1] : [start, stop, step === undefined ? 1 : step];
    const count = length(...args);
    if (count > MAX_GENERATED) {
      throw tooMany(count);
    }
    return sequence.apply(this, arguments);
  });
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
      checkSequences(vegaSpec);
      const loader = vega.loader();
      loader.load = noLoading;
      loader.sanitize = noLoading;
      // vega reports an error of its dataflow (a calculate that throws) to the logger and draws on without it
      const errors = [];
      const logger = { level() { return this; }, warn() { return this; }, info() { return this; },
        debug() { return this; }, error(...args) { errors.push(args.map(message).join(' ')); return this; } };
      view = new vega.View(vega.parse(vegaSpec, null, { ast: true }),
          { renderer: 'none', loader, expr: vegaInterpreter, logger, logLevel: vega.Error });
      view.toSVG().then(svg => errors.length > 0 ? end(fail, errors[0]) : end(done, svg),
          e => end(fail, message(e)));
    } catch (e) {
      end(fail, message(e));
    }
  };
})()
