// Which optional server modules this OrderChat has. The UI shows a feature's controls only
// when its endpoint exists, so it works against any server build: an OPTIONS request
// answers 200 (with Allow) for a mapped path and 404 for an unknown one, and changes nothing.

const NIL = "00000000-0000-0000-0000-000000000000";

const PROBES = {
  uploads: `/api/conversations/${NIL}/attachments`,
  moderation: "/api/moderation/queue",
  disputes: "/api/disputes",
  support: "/api/v1/chat/sessions",
};

export async function capabilities(token) {
  const entries = await Promise.all(Object.entries(PROBES).map(async ([name, path]) => {
    try {
      const response = await fetch(path, { method: "OPTIONS", headers: { authorization: `Bearer ${token}` } });
      return [name, response.ok];
    } catch {
      return [name, false];
    }
  }));
  return Object.fromEntries(entries);
}
