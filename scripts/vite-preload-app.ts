import type { OutputBundle, OutputChunk } from 'rolldown';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The entry module sends the first screen's requests and then imports the app (src/main.tsx), which the
 * browser would only start to fetch once the entry has run. This lists the app's chunk and every chunk
 * it imports as module preloads in index.html, so that they load alongside the entry instead of after it
 * (docs/decisions/0055-first-screen.md).
 */
export function preloadApp(moduleSuffix: string): Plugin {
  return {
    name: 'phone-numbers:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle: OutputBundle | undefined = context.bundle;
        if (bundle === undefined) return html;
        const chunks = Object.values(bundle).filter(
          (output): output is OutputChunk => output.type === 'chunk',
        );
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(moduleSuffix));
        if (app === undefined) throw new Error(`No chunk for ${moduleSuffix} to preload`);
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of bundle[file]?.type === 'chunk' ? bundle[file].imports : []) {
            visit(imported);
          }
        };
        visit(app.fileName);
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head',
          }));
        return { html, tags };
      },
    },
  };
}
