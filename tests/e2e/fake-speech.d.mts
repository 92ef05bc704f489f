export interface FakeSpeechConfig {
  cloudAvailable?: string;
  localAvailable?: string;
  voices?: boolean;
  speakMs?: number;
}
export function installFakeSpeech(config?: FakeSpeechConfig): void;
