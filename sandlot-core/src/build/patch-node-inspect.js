// Patches node-inspect-extracted's build (dist/inspect.js) in place, run by fetch-js: node patch-node-inspect.js FILE
//
// node-inspect-extracted 3.3.3 is util.inspect of a node newer than 20, with its V8 bindings written in JavaScript.
// Sandlot's guests print as node 20 prints, so:
//  - the bindings that need the engine (getOwnNonIndexProperties, previewEntries) come from the sandbox: the
//    library's own getOwnNonIndexProperties took every index's property descriptor, so printing a 1e6-element array
//    ran out of memory, and its previewEntries has no entries, so a Map or Set iterator printed `{  }`. They are the
//    parameter `sandlotInspect` of the function JsConsole wraps the library in (JsLibraries.umdFunction), as is
//    getOwnPropertyNames for showHidden (which leaves out what the sandbox adds to a Map or Set iterator);
//  - a symbol key prints in brackets (`[Symbol(a)]: 1`) and a non-enumerable key in brackets without quotes, as
//    node 20's formatProperty has it; a property that is not an own one (an ArrayBuffer's byteLength) prints as if
//    it were an enumerable own one;
//  - an ArrayBuffer's byteLength and a DataView's byteLength, byteOffset and buffer print as properties
//    (`byteLength: 4`), not as hidden ones (`[byteLength]: 4`).
// Each replacement must match exactly once: another build fails here, not in a guest's output.
'use strict';
const fs = require('fs');

const file = process.argv[2];
let text = fs.readFileSync(file, 'utf8');

const replacements = [
  {
    what: 'getOwnNonIndexProperties from the sandbox',
    from: 'getOwnNonIndexProperties:function(t,e=2){const n=a(t),r=[];for(const[t,o]of s(n))if(!/^(0|[1-9][0-9]*)$/'
        + '.test(t)||l(t,10)>=2**32-1){if(2===e&&!o.enumerable)continue;r.push(t)}for(const n of u(t)){const o=c(t,n);'
        + '(2!==e||o.enumerable)&&r.push(n)}return r},',
    to: 'getOwnNonIndexProperties:sandlotInspect.getOwnNonIndexProperties,',
  },
  {
    what: 'previewEntries from the sandbox',
    from: 'previewEntries:t=>[[],!1],',
    to: 'previewEntries:sandlotInspect.previewEntries,',
  },
  {
    what: 'the own property names shown with showHidden, from the sandbox',
    from: 'function tr(t,e){let n;const r=gt(t);if(e)n=yt(t),',
    to: 'function tr(t,e){let n;const r=gt(t);if(e)n=sandlotInspect.getOwnPropertyNames(t),',
  },
  {
    what: 'an iterator\'s preview is asked for no more entries than are printed',
    from: 'function _r(t,e,n,r){const{0:o,1:i}=ze(n,!0);',
    to: 'function _r(t,e,n,r){const{0:o,1:i}=ze(n,!0,e.maxArrayLength);',
  },
  {
    what: 'node 20\'s property names',
    from: 'if("symbol"==typeof r){const e=jt(On,ae(r),Un);s=t.stylize(e,"symbol")}else s=null!==It(Ln,r)?"__proto__"'
        + '===r?"[\'__proto__\']":t.stylize(r,"name"):t.stylize(Gn(r),"string");return!1===i.enumerable&&(s=`[${s}]`),'
        + '`${s}:${a}${c}`}',
    to: 'if("symbol"==typeof r){const e=jt(On,ae(r),Un);s=`[${t.stylize(e,"symbol")}]`}else s="__proto__"===r?"'
        + '[\'__proto__\']":!1===i.enumerable?`[${jt(On,r,Un)}]`:null!==It(Ln,r)?t.stylize(r,"name"):t.stylize(Gn(r),'
        + '"string");return`${s}:${a}${c}`}',
  },
  {
    what: 'a property that is not an own one prints as an enumerable one (node 20\'s formatProperty)',
    from: 'function Er(t,e,n,r,o,i,l=e){let s,c,a=" ";if(void 0!==(i=i||pt(e,r)).value)',
    to: 'function Er(t,e,n,r,o,i,l=e){let s,c,a=" ";if(void 0!==(i=i||pt(e,r)||{value:e[r],enumerable:!0}).value)',
  },
  {
    what: 'an ArrayBuffer\'s and a DataView\'s properties print as node 20 prints them',
    from: 'return n+`{ [byteLength]: ${ur(t.stylize,e.byteLength,!1)} }`;f[0]=`${n}{`,E=["byteLength"]}else if(qe(e))'
        + 'f[0]=`${Xn(c,u,"DataView")}{`,E=["byteLength","byteOffset","buffer"];',
    to: 'return n+`{ byteLength: ${ur(t.stylize,e.byteLength,!1)} }`;f[0]=`${n}{`,l.unshift("byteLength")}else if(qe(e))'
        + 'f[0]=`${Xn(c,u,"DataView")}{`,l.unshift("byteLength","byteOffset","buffer");',
  },
];

for (const { what, from, to } of replacements) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    console.error(`patch-node-inspect: ${file} has ${at < 0 ? 'no' : 'more than one'} place for: ${what}`);
    process.exit(1);
  }
  text = text.slice(0, at) + to + text.slice(at + from.length);
}
fs.writeFileSync(file, text);
