import type { webApi } from "@slack/bolt";

export interface SlackProfile {
  displayName: string;
  isBot: boolean;
  timeZone?: string;
  locale?: "en" | "id";
}

/** How many profiles to remember per process: a few large workspaces' worth. */
const CACHE_LIMIT = 5000;

/**
 * Names and time zones from `users.info`, remembered per process: events carry only a user id, and asking Slack
 * for every message would spend the rate limit on names we already know.
 */
export function createProfileCache() {
  const cache = new Map<string, SlackProfile>();
  return {
    async get(
      client: webApi.WebClient,
      teamId: string,
      userId: string,
      fallbackName?: string,
      /** The workspace's token, for a client that has none of its own (one app serving many workspaces). */
      token?: string,
    ): Promise<SlackProfile> {
      const key = `${teamId}:${userId}`;
      const known = cache.get(key);
      if (known) return known;
      try {
        const { user } = await client.users.info({
          ...(token ? { token } : {}),
          user: userId,
          include_locale: true,
        });
        const profile: SlackProfile = {
          displayName: user?.profile?.display_name || user?.real_name || user?.name || fallbackName || userId,
          isBot: Boolean(user?.is_bot) || userId === "USLACKBOT",
          ...(user?.tz ? { timeZone: user.tz } : {}),
          ...(user?.locale?.startsWith("id") ? { locale: "id" as const } : {}),
        };
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
        cache.set(key, profile);
        return profile;
      } catch {
        // A profile is a nicety: without one the report still counts, under the id or the name Slack sent.
        return { displayName: fallbackName ?? userId, isBot: false };
      }
    },
  };
}

export type ProfileCache = ReturnType<typeof createProfileCache>;
