// Types for the parts of tesseract.js's worker script the built app's OCR worker uses (the package types only its API).
declare module 'tesseract.js/src/worker-script/index.js' {
  const worker: {
    setAdapter(adapter: Record<string, unknown>): void;
    dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  };
  export default worker;
}
