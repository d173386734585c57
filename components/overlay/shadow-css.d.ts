/** A style sheet imported with `?shadow` (wxt.config.ts): its minified text, for a shadow root. */
declare module '*.css?shadow' {
  const css: string;
  export default css;
}
