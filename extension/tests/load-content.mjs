// Load content scripts the way the browser does: as classic scripts sharing one global, then
// hand back what they registered on globalThis.sourcemarkAnchoring.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';

const here = new URL('../content/', import.meta.url);

export function loadContent(...names) {
  for (const name of names) {
    const url = new URL(name, here);
    runInThisContext(readFileSync(url, 'utf8'), { filename: url.pathname });
  }
  return globalThis.sourcemarkAnchoring;
}
