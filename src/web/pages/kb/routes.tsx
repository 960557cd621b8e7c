import { Route } from 'react-router';
import { KbCategoriesPage } from '../console/kb/kb-categories.page.js';
import { KbEditorPage } from '../console/kb/kb-editor.page.js';
import { KbListPage } from '../console/kb/kb-list.page.js';
import { KbArticlePage } from './kb-article.page.js';
import { KbCategoryPage } from './kb-category.page.js';
import { KbHomePage } from './kb-home.page.js';

/** The public knowledge base: no sign-in needed. */
export function kbRoutes() {
  return (
    <>
      <Route path="kb" element={<KbHomePage />} />
      <Route path="kb/c/:slug" element={<KbCategoryPage />} />
      <Route path="kb/a/:slug" element={<KbArticlePage />} />
    </>
  );
}

/** The staff console's knowledge-base pages, under /console. */
export function kbConsoleRoutes() {
  return (
    <>
      <Route path="kb" element={<KbListPage />} />
      <Route path="kb/categories" element={<KbCategoriesPage />} />
      <Route path="kb/new" element={<KbEditorPage />} />
      <Route path="kb/:id" element={<KbEditorPage />} />
    </>
  );
}
