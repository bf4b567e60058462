/** A small well-formedness check for the SVG/HTML we generate: tags balance, attributes quoted. */
export function wellFormed(xml: string): string | undefined {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const between = xml.slice(last, m.index);
    if (/[<>]/.test(between)) return `stray angle bracket near ${JSON.stringify(between.slice(0, 40))}`;
    last = tag.lastIndex;
    if (!m[2]) continue;
    const [, closing, name, , selfClosing] = m;
    if (['meta', 'br', 'link'].includes(name!.toLowerCase())) continue;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return `unexpected </${name}>`;
    } else stack.push(name!);
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : undefined;
}
