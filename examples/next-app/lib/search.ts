// Stand-in for the app's search index (a hosted search service in the real app).
export const searchIndex = {
  rebuilding: false,
  query: async (_q: string) => [] as { id: string; title: string }[],
};
