import type { CoachingTexts } from "./coaching-texts.js";
import { countWithMetric, metricName } from "./metric-words.js";

const STAGE: Record<string, string> = {
  leads: "leads",
  prospects: "prospek",
  potential: "potensial",
  closeable: "closeable",
};

const ACTIONS: Record<string, string> = {
  visits: "jadwalkan dua kunjungan tambahan di awal minggu",
  followUps: "follow up maksimal sehari setelah setiap pertemuan",
  relationshipContacts: "telepon atau kunjungi tiga klien lama",
  referralsAsked: "minta referensi ke dua klien lama yang kamu kunjungi 🙏",
};

/** Yang bisa dilakukan manajer atas kebocoran corong seorang sales, menurut tahap tempat deal macet. */
const LEAK_ACTIONS: Record<string, string> = {
  leads: "periksa sumber lead-nya bersama",
  prospects: "dampingi di salah satu pertemuan prospeknya",
  potential: "latih presentasi penawarannya bersama",
};

export const coachingId: CoachingTexts = {
  repFunnelTitle: (name, label) => `${name} · ${label}`,
  repColumns: (name) => ["", name, "Tim", "Patokan", ""],
  repRatios: (rep, team, benchmark) => `Rasio ${rep} · tim ${team} · patokan ${benchmark}`,
  repWeakest: (name, c, owner) =>
    `Paling lemah: ${STAGE[c.from] ?? c.from} → ${STAGE[c.to] ?? c.to} — ${owner === "rep" ? `milik ${name}, bukan tim` : "tim juga"}.`,
  notOnTeam: (mention) => `${mention} tidak ada di tim ini. Cek namanya, atau sebut orangnya (@nama).`,
  thatPerson: "Orang itu",
  sentPrivately: "📬 Sudah kukirim lewat chat pribadi — angka per sales tidak dibagikan di grup.",
  startPrivateChat:
    "Angka per sales tidak dibagikan di grup. Buka chat pribadi denganku, tekan Start, lalu tanya lagi di sini.",
  managersOnlyRoster: "Daftar tim hanya untuk manajer. Punyamu: `hari ini` dan `minggu`.",
  rosterNotWorkingDay: "Hari ini bukan hari kerja tim — tidak ada yang perlu lapor.",
  weeklyQuotaShow: (checkIns, referrals) =>
    `Mingguan: ${countWithMetric("id", "relationshipContacts", checkIns)} dan ${countWithMetric("id", "referralsAsked", referrals)} per sales.`,
  ownQuotaShow: (visits, followUps) =>
    `Kuota harianmu sendiri: ${countWithMetric("id", "visits", visits)}, ${countWithMetric("id", "followUps", followUps)}.`,
  othersPrivate: (prefix) =>
    `Angka sales lain hanya untuk manajer. Punyamu: \`${prefix}corong saya\`; tim: \`${prefix}corong\`.`,

  rosterTitle: (team, day, reported, of) =>
    `${team} · hari ini (${day}) · ${reported} dari ${of} sudah lapor`,
  rosterReported: (entries) => `✅ ${entries}`,
  rosterOff: (names) => `🌴 ${names} (libur)`,
  rosterMissing: (names) => `⏳ ${names} — belum lapor`,
  rosterBehind: (entries) => `Minggu ini: ${entries} — perlu dibantu.`,
  rosterOnPace: "Minggu ini: semua sesuai ritme 👏",
  rosterEmpty: "Belum ada sales di tim ini. Mereka masuk saat menulis di channel tim.",

  leaderboardTitle: (team, label) => `🏆 ${team} · ${label}`,
  leaderboardColumns: ["#", "Sales", "Kuota", "Kunjungan", "Closing", "Referensi minta/dapat"],
  leaderboardEmpty: "Belum ada yang bisa diperingkat: tidak ada yang dijadwalkan bekerja di periode ini.",
  leaderboardPrivate: (prefix) =>
    `Peringkat memuat angka semua sales, jadi hanya untuk manajer kecuali dibagikan (\`${prefix}pengaturan visibilitas tim\`). Punyamu: \`${prefix}minggu\`.`,

  trendTitle: (team, weeks) => `${team} · ${weeks} minggu terakhir`,
  trendColumns: ["Minggu", "Kunjungan", "Kuota", "Leads", "Rasio"],
  trendDirection: (d) =>
    ({
      better: "Corong makin sehat: prospek per 10 leads lebih banyak dari awal.",
      worse: "Corong melemah: prospek per 10 leads lebih sedikit dari awal.",
      steady: "Bentuk corong stabil.",
    })[d],
  trendEmpty: "Belum ada minggu dengan aktivitas untuk dilihat trennya.",
  trendChartTitle: (team, weeks) => `${team} · ${weeks} minggu`,
  trendChartLegend: { visits: "Kunjungan vs kuota", quota: "- - - kuota", ratio: "Prospek per 10 leads" },

  digestDirection: (d) =>
    ({
      better: "Selama 4 minggu: rasio membaik ▲",
      worse: "Selama 4 minggu: rasio menurun ▼",
      steady: "Selama 4 minggu: rasio stabil",
    })[d],
  digestMostImproved: (name, from, to) => `📈 Paling berkembang: ${name} (${from} → ${to} dari kuota)`,

  alertTitle: (team, count) =>
    `🔔 ${team}: ${count === 1 ? "satu sales" : `${count} sales`} perlu dibantu minggu ini`,
  alertBehind: (name, visits, expected, pace) =>
    `${name}: ${visits} dari ${expected} kunjungan sejauh ini (${Math.round(pace * 100)}% dari ritme) → susun sisa minggu bersamanya hari ini.`,
  alertLeak: (name, c) =>
    `${name}: ${STAGE[c.from] ?? c.from} macet sebelum ${STAGE[c.to] ?? c.to} dua minggu berturut-turut → ${LEAK_ACTIONS[c.from] ?? "bahas deal yang masih terbuka bersamanya"}.`,

  recapTitle: (name) => `Minggumu, ${name}`,
  recapWeek: (parts) => `Minggu ini: ${parts}`,
  recapFunnel: (ratio, weakest) =>
    weakest
      ? `Corong ${ratio} — paling banyak hilang antara ${STAGE[weakest.from] ?? weakest.from} dan ${STAGE[weakest.to] ?? weakest.to}.`
      : `Corong ${ratio}.`,
  recapHabit: (habit) =>
    habit
      ? `Minggu depan: ${ACTIONS[habit] ?? ""}`
      : "Semua kuota tercapai minggu ini — pertahankan ritmenya 💪",

  referralNudge: (contacts) =>
    `Dua minggu ini kamu menghubungi ${contacts} klien lama — minta referensi ke salah satunya 🙏`,

  quotaSetFor: (metric, value, name) =>
    `Kuota khusus ${name}: ${countWithMetric("id", metric, value)} ${metric === "relationshipContacts" || metric === "referralsAsked" ? "per minggu" : "per hari kerja"}, mulai hari ini.`,
  quotaBackToTeam: (metric, name) =>
    `${name} kembali memakai kuota ${metricName("id", metric)} tim, mulai hari ini.`,
  weeklyQuotaSet: (metric, value) =>
    `Kuota mingguan diatur: ${countWithMetric("id", metric, value)} per sales per minggu, mulai hari ini.`,
  visibilitySaved: (team) =>
    team
      ? "Sales sekarang bisa melihat corong sesama sales."
      : "Sales sekarang hanya melihat angka sendiri dan tim.",
  coachingTimeSaved: (what, day, time) =>
    what === "alert"
      ? `Peringatan manajer dipindah ke ${day} ${time}.`
      : `Rekap mingguan dipindah ke ${day} ${time}.`,
};
