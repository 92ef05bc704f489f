// 8-bit weights: each float32 tensor of the model stored as bytes with its own minimum and step (affine
// quantisation, the form TensorFlow.js reads back itself from a manifest's `quantization` field). A quarter
// of the size; `npm run -s cli -- eval --float32` measures the published weights for comparison.
import type { io } from '@tensorflow/tfjs-core';
import type { ModelFiles } from './encoder.ts';

/** The id of the 8-bit model, recorded with every decision made from its vectors (app and CLI alike). */
export const UINT8_MODEL_ID = 'use-lite-uint8';

/** Tensors smaller than this stay float32: biases and scales are few bytes and quantise badly. */
const MIN_QUANTISED_ELEMENTS = 1024;

export function quantiseModel(files: ModelFiles): ModelFiles {
  const source = new DataView(files.weightData);
  const parts: Uint8Array[] = [];
  const specs: io.WeightsManifestEntry[] = [];
  let at = 0;
  for (const spec of files.weightSpecs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * 4; // float32 and int32 only in this model (checked below)
    if (spec.dtype !== 'float32' && spec.dtype !== 'int32')
      throw new Error(`cannot quantise a ${spec.dtype} tensor (${spec.name})`);
    if (spec.dtype === 'int32' || count < MIN_QUANTISED_ELEMENTS || spec.quantization) {
      parts.push(new Uint8Array(files.weightData, at, bytes));
      specs.push(spec);
    } else {
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = source.getFloat32(at + i * 4, true);
      const { bytes: q, min, scale } = toBytes(values);
      parts.push(q);
      specs.push({ ...spec, quantization: { dtype: 'uint8', min, scale } });
    }
    at += bytes;
  }
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  const weightData = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    weightData.set(p, offset);
    offset += p.byteLength;
  }
  return { ...files, weightSpecs: specs, weightData: weightData.buffer };
}

function toBytes(values: Float32Array): { bytes: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min ? (max - min) / 255 : 1;
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) bytes[i] = Math.round((values[i]! - min) / scale);
  return { bytes, min, scale };
}

/** Bytes of weights a model's files hold: what a browser downloads and keeps. */
export function weightBytes(files: ModelFiles): number {
  return files.weightData.byteLength;
}
