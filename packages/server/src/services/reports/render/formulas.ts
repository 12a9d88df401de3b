/**
 * The methodology's formulas in MathML (Chromium sets it natively, in Noto Sans Math): written
 * left to right in every language, as formulas in Latin letters are.
 */

function math(body: string): string {
  return `<math display="block" dir="ltr"><mrow>${body}</mrow></math>`;
}

const mi = (name: string) => `<mi>${name}</mi>`;
const mo = (op: string) => `<mo>${op}</mo>`;
const mn = (n: string) => `<mn>${n}</mn>`;
const sub = (base: string, index: string) => `<msub>${mi(base)}${mi(index)}</msub>`;
const frac = (num: string, den: string) => `<mfrac><mrow>${num}</mrow><mrow>${den}</mrow></mfrac>`;
const sum = `<munder>${mo('∑')}${mi('i')}</munder>`;

/**
 * Min-max normalisation onto [low, high]: y = (x - min) / (max - min) * (high - low) + low,
 * written y = (x - min) / (max - min) * high when low is 0.
 */
export function minmaxFormula(low: number, high: number): string {
  const ratio = frac(`${mi('x')}${mo('−')}${mi('min')}`, `${mi('max')}${mo('−')}${mi('min')}`);
  const scale =
    low === 0
      ? `${mo('×')}${mn(String(high))}`
      : `${mo('×')}${mo('(')}${mn(String(high))}${mo('−')}${mn(String(low))}${mo(')')}${mo(low < 0 ? '−' : '+')}${mn(String(Math.abs(low)))}`;
  return math(`${mi('y')}${mo('=')}${ratio}${scale}`);
}

/** The weighted arithmetic mean: S = sum(w_i x_i) / sum(w_i). */
export function arithmeticMeanFormula(): string {
  return math(
    `${mi('S')}${mo('=')}${frac(`${sum}${sub('w', 'i')}${mo('&#x2062;')}${sub('x', 'i')}`, `${sum}${sub('w', 'i')}`)}`,
  );
}

/** The weighted geometric mean: S = prod(x_i ^ (w_i / sum(w))). */
export function geometricMeanFormula(): string {
  const exponent = frac(sub('w', 'i'), `${sum}${sub('w', 'i')}`);
  return math(
    `${mi('S')}${mo('=')}<munder>${mo('∏')}${mi('i')}</munder><msup>${sub('x', 'i')}<mrow>${exponent}</mrow></msup>`,
  );
}
