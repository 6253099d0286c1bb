/** An article's address without its fragment: jumping to #comments is not a new article. */
export function articleUrl(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}
