import { initial } from "./0001-initial.js";
import { inboundEvents } from "./0002-inbound-events.js";
import { memberDefaultTeam } from "./0003-member-default-team.js";
import { visitCheckins } from "./0004-visit-checkins.js";
import { teamCountry } from "./0005-team-country.js";
import { teamHolidays } from "./0006-team-holidays.js";
import { daysOff } from "./0007-days-off.js";
import { inbox } from "./0008-inbox.js";
import { dropInboundEvents } from "./0009-drop-inbound-events.js";
import { reportWithdrawnBy } from "./0010-report-withdrawn-by.js";
import { canonicalTimeZones } from "./0011-canonical-time-zones.js";
import { settingHistory } from "./0012-setting-history.js";
import { memberLastLocale } from "./0013-member-last-locale.js";
import { memberHandle } from "./0014-member-handle.js";
import { teamVisibility } from "./0015-team-visibility.js";
import { teamCoachingTimes } from "./0016-team-coaching-times.js";
import { reportRevisedAt } from "./0017-report-revised-at.js";
import { webSignIn } from "./0018-web-sign-in.js";
import { jobRunPayload } from "./0019-job-run-payload.js";
import { teamNextDue } from "./0020-team-next-due.js";
import { slackInstallations } from "./0021-slack-installations.js";
import { sendPacing } from "./0022-send-pacing.js";
import type { CorongMigration } from "./dialect.js";

/** Every migration, in order, one change each. Names sort in the order they must run; never rename or edit a shipped one. */
export const MIGRATIONS: Readonly<Record<string, CorongMigration>> = {
  "0001-initial": initial,
  "0002-inbound-events": inboundEvents,
  "0003-member-default-team": memberDefaultTeam,
  "0004-visit-checkins": visitCheckins,
  "0005-team-country": teamCountry,
  "0006-team-holidays": teamHolidays,
  "0007-days-off": daysOff,
  "0008-inbox": inbox,
  "0009-drop-inbound-events": dropInboundEvents,
  "0010-report-withdrawn-by": reportWithdrawnBy,
  "0011-canonical-time-zones": canonicalTimeZones,
  "0012-setting-history": settingHistory,
  "0013-member-last-locale": memberLastLocale,
  "0014-member-handle": memberHandle,
  "0015-team-visibility": teamVisibility,
  "0016-team-coaching-times": teamCoachingTimes,
  "0017-report-revised-at": reportRevisedAt,
  "0018-web-sign-in": webSignIn,
  "0019-job-run-payload": jobRunPayload,
  "0020-team-next-due": teamNextDue,
  "0021-slack-installations": slackInstallations,
  "0022-send-pacing": sendPacing,
};
