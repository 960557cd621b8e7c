/** One demo article: Markdown in Russian, and its English version. */
export interface DemoArticle {
  slug: string;
  category: string;
  tags: string[];
  ru: { title: string; body: string };
  en: { title: string; body: string };
}

/** One demo category. */
export interface DemoCategory {
  slug: string;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
}
