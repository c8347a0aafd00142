import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type CertificateFonts = { regular: Uint8Array; bold: Uint8Array };

// The fonts ship in an npm package, not the system, so a certificate looks the same on every machine and
// every learner's name (accents, Greek, Cyrillic) has glyphs. Read once per process: they are ~1 MB together.
let loading: Promise<CertificateFonts> | undefined;

export function loadCertificateFonts(): Promise<CertificateFonts> {
  if (!loading) {
    loading = readFonts().catch((error: unknown) => {
      // A failed read must not poison the cache: the next certificate tries again.
      loading = undefined;
      throw error;
    });
  }
  return loading;
}

async function readFonts(): Promise<CertificateFonts> {
  const packageJson = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  const dir = join(dirname(packageJson), "ttf");
  const [regular, bold] = await Promise.all([
    readFile(join(dir, "DejaVuSans.ttf")),
    readFile(join(dir, "DejaVuSans-Bold.ttf")),
  ]);
  return { regular, bold };
}
