/** A large, varied corpus of rep messages in both languages, generated deterministically. */
const TEMPLATES = [
  (n: number[]) => `met ${n[0]} clients, ${n[1]} follow-ups`,
  (n: number[]) => `ketemu ${n[0]} klien, ${n[1]} follow up`,
  (n: number[]) => `visited ${n[0]} customers today and followed up with ${n[1]}`,
  (n: number[]) => `kunjungan ${n[0]}, fu ${n[1]}, ${n[2]} leads baru, ${n[3]} prospek`,
  (n: number[]) => `yesterday: ${n[0]} visits | ${n[1]} new leads | ${n[2]} prospects | closed ${n[3]}`,
  (n: number[]) =>
    `kemarin silaturahmi ke ${n[0]} klien lama, minta referensi ke ${n[1]} klien, dapat ${n[2]} referensi`,
  (n: number[]) => `asked ${n[0]} clients for referrals, got ${n[1]} 🎉 deal worth 50 million`,
  () => "good morning team, can we move the meeting to 3pm?",
  (n: number[]) => `${n[0]} leads + ${n[1]} prospects + ${n[2]} potential + ${n[3]} closeable`,
  (n: number[]) => `Monday met ${n[0]} clients; ${n[1]}x follow up; called ${n[2]} old clients to catch up`,
];

export function generateCorpus(size: number, seed = 42): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state;
  };
  const corpus: string[] = [];
  for (let i = 0; i < size; i++) {
    const template = TEMPLATES[next() % TEMPLATES.length];
    const numbers = [1 + (next() % 9), 1 + (next() % 6), next() % 5, next() % 4];
    corpus.push(template ? template(numbers) : "");
  }
  return corpus;
}
