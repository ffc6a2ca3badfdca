import type { QuotaProgress } from "../quota.js";
import { DAYS_OFF_LOOKBACK, MAX_DAYS_OFF } from "../settings-commands.js";
import { coachingId } from "./coaching-id.js";
import { countWithMetric, formatNumber, metricName, metricWord } from "./metric-words.js";
import type { Texts } from "./texts.js";
import { webId } from "./web-id.js";

const STAGES: Record<string, string> = {
  leads: "Leads",
  prospects: "Prospek",
  potential: "Potensial",
  closeable: "Closeable",
  closed: "Closing",
};

const TIPS: Record<string, string> = {
  leads:
    "leads belum jadi prospek. Telepon setiap lead baru dalam sehari dan gali kebutuhan serta anggarannya saat itu juga.",
  prospects:
    "prospek macet sebelum jadi potensial. Gali kebutuhan di pertemuan pertama dan pastikan jadwal pertemuan kedua sebelum pulang.",
  potential:
    "potensial belum sampai closeable. Kirim penawaran dalam 48 jam dan sepakati tanggal keputusan dengan pembeli.",
};

function whatIsLeft(progress: QuotaProgress[]): string {
  const first = progress.find((p) => !p.met && p.quota > 0);
  if (!first) return progress.some((p) => p.quota > 0) ? " — kuota harian tercapai 🎉" : "";
  return ` — kurang ${first.remaining} ${metricWord("id", first.metric, first.remaining)} lagi`;
}

export const id: Texts = {
  locale: "id",
  weekdaysShort: ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  today: "hari ini",
  yesterday: "kemarin",
  dayHeading: (label) => label.charAt(0).toUpperCase() + label.slice(1),

  logged: (day, counts) => `✅ Tercatat untuk ${day}: ${counts}`,
  updated: (day, counts) => `✏️ Diperbarui untuk ${day}: ${counts}`,
  progress: (progress, nudge = true) =>
    `${progress.map((p) => `${metricName("id", p.metric)} ${p.done}${p.quota > 0 ? `/${p.quota}` : ""}`).join(" · ")}${nudge ? whatIsLeft(progress) : ""}`,
  progressLine: (day, progress, nudge = true) => `${id.dayHeading(day)}: ${id.progress(progress, nudge)}`,
  withdrawn: (day, counts) => `↩️ Dibatalkan: ${counts} (${day}).`,
  nothingToUndo: "Belum ada laporanmu yang bisa dibatalkan.",
  alreadyWithdrawn: "Laporan itu sudah dibatalkan — tidak ada yang berubah.",
  undoButton: "↩️ Batal",
  addVisitButton: "+1 kunjungan",
  addFollowUpButton: "+1 follow up",
  reportExample: "ketemu 3 klien, 2 follow up",

  parseError: (code, { metric, value }, helpCommand) => {
    const what = metric ? metricName("id", metric) : "angka itu";
    switch (code) {
      case "negative":
        return `Jumlah tidak bisa negatif (${value ?? "-"} ${what}) — tidak ada yang disimpan. Kirim angka yang benar, nanti kucatat.`;
      case "fraction":
        return `${value ?? "Itu"} ${what} bukan bilangan bulat — tidak ada yang disimpan. Kirim angka yang benar, nanti kucatat.`;
      case "too_large": {
        const n = Number((value ?? "").replace(/[.,]/g, ""));
        const shown = Number.isFinite(n) && n > 0 ? formatNumber("id", n) : (value ?? "Sebanyak itu");
        return `${shown} ${what} dalam sehari sepertinya salah ketik — tidak ada yang disimpan. Kirim angka yang benar, nanti kucatat.`;
      }
      case "future_day":
        return "Kedengarannya itu rencana, bukan laporan — aku hanya mencatat yang sudah terjadi. Kabari lagi kalau sudah 💪";
      case "two_days":
        return "Itu menyebut dua hari — kirim satu pesan per hari supaya tercatat di hari yang benar. Tidak ada yang disimpan.";
      case "unclear_day":
        return "Itu hari apa? Belum ada yang disimpan — kirim lagi dengan harinya, misalnya `kemarin ketemu 3 klien` atau `senin ketemu 3 klien`.";
      default:
        return `Aku tidak menemukan aktivitas di situ. Coba: \`ketemu 4 klien, 2 follow up, 1 lead baru\` — atau \`${helpCommand}\`.`;
    }
  },
  usage: (command) =>
    ({
      funnel: "Coba `corong`, `corong bulan`, `corong 4 minggu`, `corong saya` atau `corong @nama`.",
      target: "Coba `target 8` untuk menargetkan 8 closing sebulan (`target 0` menghapusnya).",
      quota:
        "Coba `kuota kunjungan 5`, `kuota fu 3`, `kuota kontak 3` (per minggu), `kuota referensi 2` (per minggu), atau `kuota kunjungan 6 @nama` untuk satu sales.",
      lang: "Coba `bahasa en` atau `bahasa id`.",
      manager: "Coba `manajer @nama` untuk menjadikan rekan tim manajer.",
      timezone: "Coba `zona Asia/Jakarta` (nama zona waktu IANA).",
      settings:
        "Coba `pengaturan pengingat 16:00`, `pengaturan dorongan 13:00`, `pengaturan ringkasan 08:00`, `pengaturan hari sen-jum`, `pengaturan negara ID`, `pengaturan libur 2026-12-24`, `pengaturan peringatan rab 12:00`, `pengaturan rekap jum 15:00` atau `pengaturan visibilitas tim`.",
      off: "Coba `libur hari ini`, `libur kemarin`, `libur besok` atau `libur 2026-12-24..2026-12-26`.",
      trend: "Coba `tren` (8 minggu) atau `tren 12 minggu`.",
      leaderboard: "Coba `peringkat` (minggu ini) atau `peringkat bulan`.",
      export: "Coba `ekspor` (bulan ini), `ekspor minggu` atau `ekspor bulan lalu`.",
    })[command],
  managersOnly: (what) =>
    ({
      quota: "Hanya manajer tim yang bisa mengubah kuota harian — minta manajermu untuk mengaturnya.",
      target: "Hanya manajer tim yang bisa mengatur target bulanan — minta manajermu untuk mengaturnya.",
      manager: "Hanya manajer tim yang bisa menambah manajer.",
      timezone: "Hanya manajer tim yang bisa mengubah zona waktu tim.",
      settings: "Hanya manajer tim yang bisa mengubah pengaturan tim — `settings` menampilkannya.",
    })[what],
  setupDone: (team, timeZone, p) =>
    `✅ ${team} sekarang tim Corong dan kamu manajernya. Zona waktu ${timeZone} (ubah dengan \`${p}timezone Asia/Jakarta\`). Sales cukup menulis \`ketemu 4 klien, 2 follow up\` di sini atau langsung ke aku.`,
  alreadySetUp: (team, timeZone) => `${team} sudah menjadi tim Corong (zona waktu ${timeZone}).`,
  setupInChannel: "Jalankan setup di channel timmu, supaya aku tahu channel mana yang jadi tim.",
  managerAdded: (mention) => `${mention} sekarang manajer tim ini.`,
  timezoneSet: (timeZone) => `Zona waktu diatur ke ${timeZone}: hari, minggu dan pengingat mengikutinya.`,
  badTimezone: (timeZone) =>
    `"${timeZone}" bukan zona waktu yang kukenal. Pakai nama IANA seperti Asia/Jakarta atau Europe/Berlin.`,
  noTeam: (setupCommand) =>
    `Kamu belum masuk tim Corong. Tulis sekali di channel timmu, atau minta manajer menjalankan \`${setupCommand}\` di sana.`,
  chooseTeam: "Kamu ada di lebih dari satu tim — laporanmu dicatat ke tim mana?",
  teamChosen: (team) => `Siap — pesan langsungmu sekarang dicatat untuk ${team}. Kirim ulang laporanmu ya.`,
  quotaSet: (metric, value) =>
    `Kuota harian diatur: ${countWithMetric("id", metric, value)} per sales per hari kerja, mulai hari ini.`,
  quotaShow: (visits, followUps) => `Kuota harian: ${visits} kunjungan · ${followUps} follow up per sales.`,
  targetCleared: (targetCommand) =>
    `🎯 Target closing bulanan dihapus mulai bulan ini. Atur lagi dengan \`${targetCommand}\`.`,
  targetSet: (closings) =>
    `🎯 Target bulanan: ${closings} closing per bulan, mulai bulan ini. Yang dibutuhkan:`,
  languageSet: "Siap — aku akan menjawab dalam Bahasa Indonesia.",
  teamNotSetUp: (setupCommand) =>
    `Obrolan ini belum menjadi tim Corong. Manajer bisa mengaturnya dengan \`${setupCommand}\`.`,
  notCounted: (parts) =>
    `Tidak dihitung: ${parts.map((p) => `“${p}”`).join(", ")} — kalau itu aktivitas, kirim lagi dengan nama aktivitasnya.`,
  somethingWentWrong:
    "Ada masalah di sisiku 😕 Kalau kamu mengirim laporan, cek `hari ini` dulu sebelum mengirim ulang.",
  notSavedTryAgain:
    "⚠️ Pesan tadi belum bisa disimpan — tidak ada yang tercatat. Kirim lagi sebentar lagi ya.",
  savingDelayed: "⏳ Diterima. Penyimpanan sedang lambat — nanti kukabari begitu sudah tersimpan.",
  deliveryLost: (excerpt) =>
    excerpt
      ? `⚠️ Pesanmu “${excerpt}” tidak bisa disimpan. Kirim lagi ya.`
      : "⚠️ Pesan terakhirmu tidak bisa disimpan. Kirim lagi ya.",
  setupAdminsOnly:
    "Hanya admin grup yang bisa menjadikan grup ini tim Corong — minta salah satu admin menjalankan /setup.",
  notYourButtons: "Tombol ini untuk laporan orang lain.",
  checkedIn: (day) => `📍 Kunjungan check-in untuk ${day}: 1 kunjungan`,
  checkInsLine: (checkedIn, visits) => `📍 ${checkedIn} dari ${visits} kunjungan check-in dengan lokasi`,
  commandMenu: {
    start: "Mulai dan lihat yang bisa kubantu",
    help: "Cara melapor dan daftar perintah",
    report: "Catat aktivitas: /report ketemu 4 klien, 2 follow up",
    today: "Totalmu hari ini dibanding kuota harian",
    week: "Totalmu minggu ini",
    funnel: "Funnel tim dibanding 10:5:3:1 (atau /funnel saya, /funnel @nama)",
    plan: "Yang dibutuhkan target bulan ini",
    target: "Atur target closing bulanan (manajer)",
    quota: "Lihat atau atur kuota, untuk tim atau satu sales (manajer)",
    undo: "Batalkan laporan terakhirmu",
    lang: "Jawab aku dalam bahasa Inggris atau Indonesia",
    setup: "Jadikan grup ini tim sales (admin)",
    settings: "Jam pengingat, dorongan dan ringkasan (manajer mengubahnya)",
    off: "Catat libur: /off hari ini, /off 2026-12-24..2026-12-26",
    team: "Siapa sudah lapor hari ini dan ritme minggu ini (manajer)",
    trend: "8 minggu terakhir, dengan grafik",
    leaderboard: "Peringkat sales menurut pencapaian kuota",
    dashboard: "Link sekali pakai ke dasbor di browser",
  },

  todayTitle: (date) => `Hari ini · ${date}`,
  weekTitle: (week, range) => `Minggu ${week} (${range})`,
  daysReported: (days, of) => `Lapor ${days} dari ${of} hari kerja`,
  otherActivity: "Lainnya",

  funnelTitle: (team, _period, label) => `${team} · ${label}`,
  funnelPeriodLabel: (period, week, range, month) =>
    period === "week"
      ? `minggu ${week} (${range})`
      : period === "month"
        ? month
        : `4 minggu terakhir (${range})`,
  stageName: (stage) => STAGES[stage] ?? stage,
  ratioLine: (ratio) => `Rasio ${ratio}`,
  conversionName: (c) =>
    ({
      leads: "Leads → prospek",
      prospects: "Prospek → potensial",
      potential: "Potensial → closeable",
      closeable: "Closeable → closing",
    })[c.from],
  actual: "aktual",
  benchmark: "patokan",
  weakest: "terlemah",
  onBenchmark:
    "✅ Sesuai patokan: setiap tahap berkonversi 10:5:3:1 atau lebih baik. Jaga agar leads terus mengalir.",
  funnelEmpty: (helpCommand) =>
    `Belum ada aktivitas corong di periode ini. Catat tahap saat deal bergerak: \`3 leads baru, 2 prospek, 1 potensial\` (${helpCommand}).`,
  noLeadsYet:
    "Belum ada leads tercatat di periode ini, jadi rasio belum bisa dihitung — catat leads baru saat masuk.",
  tip: (c) => `Tips: ${TIPS[c.from] ?? ""}`,

  planTitle: (month) => `Rencana ${month}`,
  planNoTarget: (targetCommand) =>
    `Belum ada target bulanan. Manajer bisa mengaturnya dengan \`${targetCommand}\`.`,
  planLine: (target, needed) => `${target} closing butuh ≈ ${needed}`,
  planSoFar: (closed, target) => `${closed} dari ${target} closing sudah tercapai bulan ini; sisanya:`,
  planReached: (closed, target) =>
    `🎉 Target tercapai: ${closed} dari ${target} closing bulan ini. Jaga leads tetap mengalir untuk bulan depan.`,
  planPerDay: (leadsPerDay, workingDays) =>
    `→ ${leadsPerDay} leads baru per hari kerja (sisa ${workingDays} hari kerja)`,
  planBasis: (allBenchmark, anyBenchmark) =>
    allBenchmark
      ? "Dihitung dengan patokan 10:5:3:1 sampai riwayat tim cukup."
      : anyBenchmark
        ? "Dihitung dengan rasio konversi tim sendiri, patokan bila riwayat masih tipis."
        : "Dihitung dengan rasio konversi tim sendiri.",

  digestTitle: (team, week, range) => `📊 Ringkasan mingguan · ${team} · minggu ${week} (${range})`,
  digestTeam: ({ visits, attainment, rest }) =>
    `Tim: ${visits}${attainment ? ` (${attainment} dari target)` : ""}${rest ? ` · ${rest}` : ""}`,
  digestFunnel: (ratio, benchmark, weakest) =>
    `Corong: ${ratio} vs ${benchmark}${weakest ? ` — terlemah: ${weakest}` : ""}`,
  digestVersusLastWeek: (changes) => `vs minggu lalu: ${changes}`,
  digestColumns: ["Sales", "Kunjungan", "FU", "Hari", "Tren"],
  digestLowReporting: (days, of) => `lapor ${days} dari ${of} hari`,
  digestTop: (name, attainment, closings) =>
    `🏆 ${name}: ${attainment} dari target kunjungan${closings > 0 ? `, ${closings} closing` : ""}`,
  digestEmpty: (example) =>
    `Minggu lalu tidak ada yang dicatat. Ajak tim melapor setiap hari — cukup satu baris seperti \`${example}\`.`,
  chartTitle: (team, week) => `${team} · minggu ${week}`,
  chartLegend: "batang: tim · garis: patokan 10:5:3:1",
  chartSaved: (path) => `📈 Grafik: ${path}`,
  fileSaved: (path) => `📎 Berkas: ${path}`,
  exportManagersOnly: "Ekspor memuat laporan semua sales, jadi hanya untuk manajer. Punyamu: `minggu`.",
  exportReady: (team, period, reports) =>
    `📎 ${team} · ${period}: ${reports} laporan dalam CSV (satu baris per laporan, yang dibatalkan ditandai).`,
  reminder: (name, example) =>
    `Halo ${name} 👋 aktivitas hari ini belum dicatat. Balas saja seperti: ${example}`,
  nudge: (done, quota) =>
    `Baru ${done} dari ${quota} kunjungan hari ini — kurang ${quota - done} lagi. Semangat 💪`,
  reportButton: "📝 Lapor hari ini",
  reportPrompt: "Kirim angka hari ini dalam satu baris, seperti: `ketemu 3 klien, 2 follow up, 1 lead baru`",
  reportFormTitle: "Aktivitas hari ini",
  reportFormEmpty: "Isi minimal satu angka.",
  reportFormSubmit: "Catat",
  settingsView: (v) => [
    `Pengingat ${v.reminder} · dorongan target ${v.nudge} · ringkasan Senin ${v.digest}`,
    `Hari kerja ${v.days} · kuota harian ${v.quota}`,
    `Hari libur ${v.country} · zona waktu ${v.timeZone}`,
    `Peringatan manajer ${v.alert} · rekap sales ${v.recap} · sales melihat ${v.visibility === "team" ? "corong sesama sales" : "angka sendiri dan tim"}`,
  ],
  settingSaved: (what, value) =>
    ({
      reminderTime: `Pengingat harian dipindah ke ${value}.`,
      nudgeTime: `Dorongan target dipindah ke ${value}.`,
      digestTime: `Ringkasan Senin dipindah ke ${value}.`,
      workingDays: `Hari kerja diatur: ${value}.`,
      country: `Hari libur nasional sekarang mengikuti ${value}.`,
      holiday: `${value} sekarang hari libur tim: tanpa pengingat, dan tidak dihitung dalam target.`,
    })[what],
  unknownCountry: (code) =>
    `Aku tidak tahu hari libur "${code}". Pakai kode negara dua huruf seperti ID, SG atau DE.`,
  daysOffSaved: (days, count) =>
    `🌴 Libur dicatat: ${days} (${count} hari kerja). Tidak ada pengingat, dan tidak dihitung dalam kuota.`,
  daysOffRefused: (reason, what) =>
    ({
      not_a_date: `${what} bukan tanggal — tulis seperti 2026-12-24.`,
      reversed: `${what} berakhir sebelum mulai — tulis tanggal yang lebih awal dulu.`,
      too_long: `${what} lebih dari ${MAX_DAYS_OFF} hari sekaligus — catat cuti panjang dalam beberapa bagian ya.`,
      too_far_back: `Libur bisa dicatat paling jauh ${DAYS_OFF_LOOKBACK} hari ke belakang; ${what} lebih lama dari itu.`,
      too_far_ahead: `Libur bisa dicatat paling jauh setahun ke depan; ${what} lebih jauh dari itu.`,
      no_working_days: `${what} tidak ada hari kerjanya (akhir pekan atau hari libur) — tidak ada yang dicatat.`,
    })[reason],
  helpTitle: "Corong — catatan penjualan harianmu",
  web: webId,
  coach: coachingId,
  help: (p) => [
    "Cukup ceritakan aktivitasmu: `ketemu 4 klien, 2 follow up, 1 lead baru`",
    "Juga dimengerti: `kemarin telepon 2 klien lama`, `minta referensi ke 3 klien, dapat 1`, `2 prospek, 1 closing`",
    `\`${p}hari ini\` · \`${p}minggu ini\` — totalmu dibanding kuota harian`,
    `\`${p}corong [minggu|bulan|4 minggu]\` — corong tim vs 10:5:3:1 · \`${p}corong saya\` — punyamu · \`${p}corong @nama\` — milik satu sales (manajer)`,
    `\`${p}tim\` — siapa sudah lapor hari ini dan ritme minggu ini (manajer) · \`${p}peringkat [minggu|bulan]\` · \`${p}tren [8|12 minggu]\``,
    `\`${p}ekspor [minggu|bulan|bulan lalu]\` — laporan dalam berkas CSV (manajer)`,
    `\`${p}dasbor\` — grafik, tiap sales dan unduhan CSV di browser (link pribadi sekali pakai)`,
    `\`${p}rencana\` · \`${p}target 8\` — apa yang dibutuhkan target closing bulanan`,
    `\`${p}kuota kunjungan 5\` · \`${p}kuota fu 3\` — kuota harian; \`${p}kuota kontak 3\` · \`${p}kuota referensi 2\` — mingguan; tambah \`@nama\` untuk satu sales (manajer)`,
    `\`${p}batal\` — batalkan laporan terakhir · \`${p}bahasa en|id\` — bahasa`,
    `\`${p}libur hari ini\` · \`${p}libur kemarin\` · \`${p}libur 2026-12-24..2026-12-26\` — hari libur: tanpa pengingat, tanpa kuota`,
    `\`${p}pengaturan\` — jam pengingat, dorongan dan ringkasan, hari kerja, hari libur (manajer mengubahnya)`,
  ],
};
