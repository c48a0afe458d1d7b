// Intl.NumberFormat with explicit en-US locale.
const amounts = [0, 1, 1234.5, -987654.321, 0.005, 1e9, 12345678.9];
const fmts = {
  plain: new Intl.NumberFormat('en-US'),
  usd: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
  eur: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }),
  jpy: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY' }),
  acct: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }),
  pct: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }),
  compact: new Intl.NumberFormat('en-US', { notation: 'compact' }),
  compactLong: new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }),
  sci: new Intl.NumberFormat('en-US', { notation: 'scientific' }),
  eng: new Intl.NumberFormat('en-US', { notation: 'engineering', maximumSignificantDigits: 3 }),
  fixed2: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  sig: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }),
  sign: new Intl.NumberFormat('en-US', { signDisplay: 'always' }),
  unit: new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour' }),
  unitLong: new Intl.NumberFormat('en-US', { style: 'unit', unit: 'megabyte', unitDisplay: 'long' }),
  noGroup: new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 3 }),
};
for (const [name, f] of Object.entries(fmts)) {
  console.log(name.padEnd(12), amounts.map(a => f.format(a)).join(' | '));
}
console.log(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.56).map(p => `${p.type}:${p.value}`).join(' '));
console.log(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234567.891));
console.log(new Intl.NumberFormat('fr-FR').format(1234567.891));
console.log(new Intl.NumberFormat('en-IN').format(1234567.891));
console.log(new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(5000));
console.log((1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), (0.256).toLocaleString('en-US', { style: 'percent' }));
console.log((1234567.891).toLocaleString('en-US'), (1234567.891).toLocaleString('en-US', { maximumFractionDigits: 0 }));
console.log(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(2.5), new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(3.5));
console.log(new Intl.NumberFormat('en-US').format(12345678901234567890n));
const r = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).resolvedOptions();
console.log(r.locale, r.numberingSystem, r.style, r.currency, r.minimumFractionDigits, r.maximumFractionDigits, r.useGrouping);
console.log(Intl.NumberFormat.supportedLocalesOf(['en-US', 'de-DE', 'xx-XX']).join(','));
