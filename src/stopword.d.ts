/** The `stopword` package ships no types: its module exports one word list per language key. */
declare module 'stopword' {
  const lists: Record<string, unknown>;
  export default lists;
}
