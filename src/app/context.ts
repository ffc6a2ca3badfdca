import { localDateAt } from "../core/calendar.js";
import type { Locale } from "../core/locale.js";
import type { Member, Platform, Role, Team } from "../core/team.js";
import { type Texts, textsFor } from "../core/texts/index.js";

/** Who is asking, in which team, on which day: what every use case needs to answer. */
export interface RequestContext {
  team: Team;
  member: Member;
  role: Role;
  /** The language to answer in. */
  locale: Locale;
  t: Texts;
  /** Epoch ms the message arrived. */
  now: number;
  /** The team-local date at `now`. */
  today: string;
  /** How commands are typed on this platform: "/sales " on Slack, "/" on Telegram. */
  commandPrefix: string;
  platform: Platform;
}

export const COMMAND_PREFIX: Record<Platform, string> = {
  slack: "/sales ",
  telegram: "/",
  console: "/sales ",
};

/** The language to write to a member in unprompted (a reminder, a recap): their choice, else the one they write in. */
export function unpromptedLocale(member: Member, team: Team): Locale {
  return member.locale ?? member.lastLocale ?? team.locale;
}

export function requestContext(input: {
  team: Team;
  member: Member;
  role: Role;
  now: number;
  platform: Platform;
  localeHint?: Locale | undefined;
  /** The language the message itself is written in, when it says. */
  messageLocale?: Locale | null;
}): RequestContext {
  const locale =
    input.member.locale ??
    input.messageLocale ??
    input.member.lastLocale ??
    input.localeHint ??
    input.team.locale;
  return {
    team: input.team,
    member: input.member,
    role: input.role,
    locale,
    t: textsFor(locale),
    now: input.now,
    today: localDateAt(input.now, input.team.timezone),
    commandPrefix: COMMAND_PREFIX[input.platform],
    platform: input.platform,
  };
}
