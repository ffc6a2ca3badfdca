import type { RequestListener } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { COMMAND_PREFIX, type RequestContext } from "../app/context.js";
import {
  maySee,
  overviewCsv,
  overviewPage,
  planCsv,
  planPage,
  repCsv,
  reportsCsv,
  repPage,
  trendCsv,
  trendPage,
} from "../app/dashboard.js";
import type { Logger } from "../app/logger.js";
import type { Store, WebSession } from "../app/ports.js";
import { openSession, redeemLoginLink, sameSecret, secretHash } from "../app/sign-in.js";
import { addDays, isoWeekRange } from "../core/calendar.js";
import type { Locale } from "../core/locale.js";
import { isLocale } from "../core/locale.js";
import { type ChosenPeriod, choosePeriod, MAX_PERIOD_DAYS } from "../core/period-choice.js";
import type { TeamMember } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { type Frame, PATHS, type PageName, plainPage } from "./layout.js";
import { overviewHtml, planHtml, repHtml, trendHtml } from "./pages.js";
import type { Html } from "./reply-html.js";
import { SECURITY_HEADERS } from "./security-headers.js";
import { STYLESHEET } from "./style.js";

export interface DashboardDeps {
  store: Store;
  logger: Logger;
  clock: () => number;
  /** The address members reach the dashboard at: cookies are Secure when it is https. */
  publicUrl: () => string;
  defaultLocale: Locale;
}

const COOKIE = "corong_session";

/** A path under /dashboard as the app's routes name it (they are mounted at /dashboard). */
const route = (path: string) => path.slice(PATHS.home.length);
/** How many weeks the trend shows when no period was picked: a quarter, as `trend 12w` in the chat. */
const TREND_DEFAULT_WEEKS = 12;

interface Viewer {
  ctx: RequestContext;
  session: WebSession;
  idHash: string;
  members: TeamMember[];
}

type Env = { Variables: { viewer: Viewer } };

/** The language of a page shown before sign-in: the browser's, where it is one we speak. */
function browserLocale(c: Context, fallback: Locale): Locale {
  const first = (c.req.header("accept-language") ?? "").trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : fallback;
}

/**
 * The dashboard: one-time links from the chat open a session stored in the database (so it survives a restart and
 * works on every replica), and the pages read the same figures as the chat. Server-rendered, no script.
 */
export function createDashboard(deps: DashboardDeps): RequestListener {
  const { store, logger, clock } = deps;
  const app = new Hono<Env>().basePath(PATHS.home);
  const secure = () => deps.publicUrl().startsWith("https://");
  /** A page of a line or two: why there is nothing to show, or what to do next. */
  const message = (
    c: Context,
    locale: Locale,
    status: 200 | 401 | 403 | 404 | 410 | 500,
    lines: string[],
  ) => {
    const t = textsFor(locale);
    return c.html(
      String(plainPage(locale, t.web.pageTitle, html`${lines.map((line) => html`<p>${line}</p>`)}`)),
      status,
    );
  };

  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (secure()) c.header("Strict-Transport-Security", "max-age=31536000");
  });

  // A form posted from another site (a login CSRF, planting someone else's session) is refused: browsers say
  // where a request comes from. The session's own forms carry a CSRF token as well.
  app.use("*", async (c, next) => {
    const site = c.req.header("sec-fetch-site");
    if (c.req.method === "POST" && site !== undefined && site !== "same-origin" && site !== "none") {
      const locale = browserLocale(c, deps.defaultLocale);
      return message(c, locale, 403, [textsFor(locale).web.formExpired]);
    }
    await next();
  });

  // The dashboard's forms carry a token and a field or two: anything bigger is not one of them.
  app.use("*", bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("too large", 413) }));

  app.onError((error, c) => {
    // The route, never the URL: a login link's path is its key.
    logger.error({ err: error, route: c.req.routePath }, "dashboard request failed");
    const locale = browserLocale(c, deps.defaultLocale);
    return message(c, locale, 500, [textsFor(locale).somethingWentWrong]);
  });

  /** How to get a new link: the platform's own command where the team is known. */
  const askForLink = (locale: Locale, prefix = "") => textsFor(locale).web.askForLink(`${prefix}dashboard`);

  app.get("/assets/style.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body(STYLESHEET);
  });

  // Opening the link only asks: chat apps fetch links to preview them, and a GET that signed in would spend the
  // one use on the preview.
  app.get("/login/:token", async (c) => {
    const locale = browserLocale(c, deps.defaultLocale);
    const t = textsFor(locale);
    const token = c.req.param("token");
    const state = await store.loginLinkState(secretHash(token), new Date(clock()).toISOString());
    if (state !== "valid") return linkRefused(c, locale, state);
    return c.html(
      String(
        plainPage(
          locale,
          t.web.signInTitle,
          html`<h1>${t.web.pageTitle}</h1>
          <form method="post" action="${PATHS.signIn}"><input type="hidden" name="token" value="${token}">
          <button class="primary" type="submit">${t.web.signInButton}</button></form>`,
        ),
      ),
    );
  });

  function linkRefused(c: Context, locale: Locale, state: "used" | "expired" | "unknown") {
    const t = textsFor(locale);
    const why = { used: t.web.linkUsed, expired: t.web.linkExpired, unknown: t.web.linkUnknown }[state];
    return message(c, locale, state === "unknown" ? 404 : 410, [why, askForLink(locale)]);
  }

  app.post("/login", async (c) => {
    const locale = browserLocale(c, deps.defaultLocale);
    const body = await c.req.parseBody();
    const token = typeof body.token === "string" ? body.token : "";
    const now = clock();
    const opened = token ? await redeemLoginLink(store, token, now) : null;
    if (!opened) {
      const state = token
        ? await store.loginLinkState(secretHash(token), new Date(now).toISOString())
        : "unknown";
      return linkRefused(c, locale, state === "valid" ? "used" : state);
    }
    setCookie(c, COOKIE, opened.cookie, {
      path: PATHS.home,
      httpOnly: true,
      sameSite: "Lax",
      secure: secure(),
      expires: new Date(opened.session.expiresAt),
    });
    logger.info(
      { team: opened.session.teamId, member: opened.session.memberId },
      "signed in to the dashboard",
    );
    return c.redirect(PATHS.home, 303);
  });

  /** The signed-in member, their team and role as they are now; a page saying why when there is none. */
  app.use("*", async (c, next) => {
    const cookie = getCookie(c, COOKIE);
    const locale = browserLocale(c, deps.defaultLocale);
    const signedIn = await openSession(store, cookie, clock());
    if (signedIn.kind !== "open") {
      if (cookie) deleteCookie(c, COOKIE, { path: PATHS.home });
      if (signedIn.kind === "none")
        return message(c, locale, 401, [textsFor(locale).web.notSignedIn, askForLink(locale)]);
      const own = signedIn.locale ?? locale;
      const prefix = signedIn.platform ? COMMAND_PREFIX[signedIn.platform] : "";
      return message(c, own, 401, [textsFor(own).web.sessionEnded, askForLink(own, prefix)]);
    }
    const { ctx, session, idHash, members } = signedIn;
    c.set("viewer", { ctx, session, idHash, members });
    await next();
  });

  function periodOf(c: Context<Env>, defaults?: { from: string; to: string }) {
    const { ctx } = c.get("viewer");
    const query = c.req.query();
    const asked = query.period ? query : defaults ? { period: "custom", ...defaults } : {};
    const { period, problem } = choosePeriod(asked, ctx.today);
    return { period, problem: problem ? ctx.t.web.periodProblem(problem, MAX_PERIOD_DAYS) : undefined };
  }

  function frame(
    c: Context<Env>,
    page: PageName,
    csvPath: string,
    chosen: ReturnType<typeof periodOf>,
  ): Frame {
    const { ctx, session } = c.get("viewer");
    const url = new URL(c.req.url);
    return {
      t: ctx.t,
      locale: ctx.locale,
      teamName: ctx.team.name,
      timeZone: ctx.team.timezone,
      manager: ctx.role === "manager",
      memberId: ctx.member.id,
      csrfToken: session.csrfToken,
      page,
      here: `${url.pathname}${url.search}`,
      period: chosen.period,
      problem: chosen.problem,
      csvPath,
    };
  }

  const page = (c: Context, body: Html) => c.html(String(body));
  const csv = (c: Context, name: string, period: ChosenPeriod, text: string) => {
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="corong-${name}-${period.range.start}-${period.range.end}.csv"`,
    );
    return c.body(text);
  };
  const managersOnly = (c: Context<Env>) => {
    const { ctx } = c.get("viewer");
    return ctx.role === "manager" ? null : message(c, ctx.locale, 403, [ctx.t.web.othersPrivate]);
  };

  app.get("/", async (c) => {
    const { ctx } = c.get("viewer");
    if (ctx.role !== "manager") {
      const search = new URL(c.req.url).search;
      return c.redirect(`${PATHS.rep(ctx.member.id)}${search}`, 303);
    }
    const chosen = periodOf(c);
    const data = await overviewPage(store, ctx, chosen.period);
    return page(c, overviewHtml(frame(c, "overview", PATHS.overviewCsv, chosen), data));
  });

  app.get(route(PATHS.overviewCsv), async (c) => {
    const refused = managersOnly(c);
    if (refused) return refused;
    const { period } = periodOf(c);
    return csv(c, "overview", period, await overviewCsv(store, c.get("viewer").ctx, period));
  });

  const trendDefault = (ctx: RequestContext) => {
    const week = isoWeekRange(ctx.today);
    return { from: addDays(week.start, -7 * (TREND_DEFAULT_WEEKS - 1)), to: week.end };
  };

  app.get("/trend", async (c) => {
    const refused = managersOnly(c);
    if (refused) return refused;
    const { ctx } = c.get("viewer");
    const chosen = periodOf(c, trendDefault(ctx));
    const data = await trendPage(store, ctx, chosen.period);
    return page(c, trendHtml(frame(c, "trend", PATHS.trendCsv, chosen), data));
  });

  app.get(route(PATHS.trendCsv), async (c) => {
    const refused = managersOnly(c);
    if (refused) return refused;
    const { ctx } = c.get("viewer");
    const { period } = periodOf(c, trendDefault(ctx));
    return csv(c, "trend", period, await trendCsv(store, ctx, period));
  });

  app.get("/plan", async (c) => {
    const refused = managersOnly(c);
    if (refused) return refused;
    const { ctx } = c.get("viewer");
    const chosen = periodOf(c);
    const data = await planPage(store, ctx, chosen.period);
    return page(c, planHtml(frame(c, "plan", PATHS.planCsv, chosen), data));
  });

  app.get(route(PATHS.planCsv), async (c) => {
    const refused = managersOnly(c);
    if (refused) return refused;
    const { period } = periodOf(c);
    return csv(c, "plan", period, await planCsv(store, c.get("viewer").ctx, period));
  });

  app.get("/reps/:file", async (c) => {
    const { ctx, members } = c.get("viewer");
    const match = /^(\d{1,12})(\.csv)?$/.exec(c.req.param("file"));
    const member = match ? members.find((m) => m.id === Number(match[1])) : undefined;
    if (!match || !member) return message(c, ctx.locale, 404, [ctx.t.web.notFound]);
    if (!maySee(ctx, member.id)) return message(c, ctx.locale, 403, [ctx.t.web.othersPrivate]);
    const chosen = periodOf(c);
    if (match[2])
      return csv(c, `rep-${member.id}`, chosen.period, await repCsv(store, ctx, member, chosen.period));
    const data = await repPage(store, ctx, member, chosen.period);
    return page(c, repHtml(frame(c, "rep", PATHS.repCsv(member.id), chosen), data));
  });

  app.get(route(PATHS.reportsCsv), async (c) => {
    const { ctx } = c.get("viewer");
    const { period } = periodOf(c);
    const only = ctx.role === "manager" ? undefined : ctx.member.id;
    return csv(c, "reports", period, await reportsCsv(store, ctx, period, only));
  });

  /** A form this session rendered: its CSRF token matches, or nothing changes. */
  async function formOf(c: Context<Env>): Promise<Record<string, string> | null> {
    const body = await c.req.parseBody();
    const fields = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
    const { session } = c.get("viewer");
    return sameSecret(fields.csrf ?? "", session.csrfToken) ? fields : null;
  }

  app.post("/language", async (c) => {
    const { ctx, idHash } = c.get("viewer");
    const form = await formOf(c);
    if (!form) return message(c, ctx.locale, 403, [ctx.t.web.formExpired]);
    if (form.locale && isLocale(form.locale)) await store.setWebSessionLocale(idHash, form.locale);
    // Back to a dashboard page only: a form field must not send anyone elsewhere.
    const back = form.back ?? "";
    return c.redirect(/^\/dashboard(\/[\w./-]*)?(\?[\w=&%.+-]*)?$/.test(back) ? back : PATHS.home, 303);
  });

  app.post("/sign-out", async (c) => {
    const { ctx, idHash } = c.get("viewer");
    const form = await formOf(c);
    if (!form) return message(c, ctx.locale, 403, [ctx.t.web.formExpired]);
    await store.endWebSession(idHash, new Date(clock()).toISOString());
    deleteCookie(c, COOKIE, { path: PATHS.home });
    return message(c, ctx.locale, 200, [ctx.t.web.signedOut, askForLink(ctx.locale, ctx.commandPrefix)]);
  });

  app.notFound((c) => {
    const locale = browserLocale(c, deps.defaultLocale);
    return message(c, locale, 404, [textsFor(locale).web.notFound]);
  });

  return getRequestListener(app.fetch);
}
