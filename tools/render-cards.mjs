#!/usr/bin/env node
// Render Adaptive Cards with Microsoft's `adaptivecards` JavaScript renderer in headless
// Chromium, the way a Teams client does, and report every warning the renderer gives.
//
// usage: node tools/render-cards.mjs CARDS.json OUT_DIR
//   CARDS.json: [{"name": "responsible-1", "card": {...AdaptiveCard...}}, ...]
//   OUT_DIR:    gets NAME.png for each card and results.json:
//               [{"name", "png", "width", "height", "problems": [string, ...]}]
// Problems are: parse events and validation events for card version 1.5 (Teams' limit for
// bots), console warnings and errors of the page, and a card that renders to nothing.
// Environment: CHROMIUM (default /usr/bin/chromium), CARD_WIDTH (default 600 CSS px, about a
// Teams chat column for a card with msteams.width = Full).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const [cardsPath, outDir] = process.argv.slice(2);
if (!cardsPath || !outDir) {
  console.error("usage: node tools/render-cards.mjs CARDS.json OUT_DIR");
  process.exit(2);
}
const cards = JSON.parse(readFileSync(cardsPath, "utf8"));
mkdirSync(outDir, { recursive: true });

// Close to Teams' light theme: Segoe UI where it exists, Teams' purple for actions.
const hostConfig = {
  fontFamily: "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E1DFDD" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#6264A7", subtle: "#8B8CC7" },
        good: { default: "#237B4B", subtle: "#2E8540" },
        warning: { default: "#C4314B", subtle: "#D74654" },
        attention: { default: "#C4314B", subtle: "#D74654" },
      },
    },
    emphasis: {
      backgroundColor: "#F5F5F5",
      foregroundColors: { default: { default: "#242424", subtle: "#616161" } },
    },
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16 },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  factSet: {
    title: { weight: "bolder", wrap: true, maxWidth: 180 },
    value: { wrap: true },
    spacing: 8,
  },
};

const width = Number(process.env.CARD_WIDTH || 600);
const page_html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
  body { margin: 0; background: #F5F5F5; font-family: ${hostConfig.fontFamily}; }
  #frame { width: ${width}px; padding: 12px; box-sizing: border-box; }
  .card { background: #FFFFFF; border: 1px solid #E1DFDD; border-radius: 6px; overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; background: #FFFFFF; color: #242424;
    border-radius: 4px; padding: 5px 12px; font-weight: 600; font-size: 14px; cursor: pointer; }
  .ac-pushButton:hover { background: #F5F5F5; }
  .ac-textBlock p { margin: 0; }
</style></head><body><div id="frame"></div></body></html>`;

const profile = mkdtempSync(join(tmpdir(), "arendebot-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // The machine's network is closed: without these Chromium keeps calling Google's hosts.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width, height: 800 },
  deviceScaleFactor: 1,
});
const results = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  const consoleProblems = [];
  page.on("console", (msg) => {
    if (["warning", "error"].includes(msg.type())) consoleProblems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => consoleProblems.push(`page error: ${err.message}`));
  await page.setContent(page_html);
  await page.addScriptTag({ path: join(modules, "markdown-it/dist/browser/markdown-it.umd.min.js") });
  await page.addScriptTag({ path: join(modules, "adaptivecards/dist/adaptivecards.min.js") });

  for (const { name, card } of cards) {
    consoleProblems.length = 0;
    const outcome = await page.evaluate(
      ({ card, hostConfig }) => {
        const AC = window.AdaptiveCards;
        const md = window.markdownit({ html: false, linkify: true, breaks: false });
        // Teams renders a markdown subset in TextBlocks; markdown-it does the same job here.
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          result.outputHtml = md.render(text);
          result.didProcess = true;
        };
        const names = Object.fromEntries(Object.entries(AC.ValidationEvent).map(([k, v]) => [v, k]));
        const problems = [];
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        // Teams renders version 1.5 at most for bot cards: anything newer must show up here.
        const context = new AC.SerializationContext(AC.Versions.v1_5);
        adaptive.parse(card, context);
        for (let i = 0; i < context.eventCount; i++) {
          const e = context.getEventAt(i);
          problems.push(`parse ${names[e.event]}: ${e.message}`);
        }
        if (AC.Version.parse(card.version, context)?.compareTo(AC.Versions.v1_5) > 0) {
          problems.push(`version ${card.version} is newer than 1.5, which Teams renders for bots`);
        }
        for (const e of adaptive.validateProperties().validationEvents) {
          problems.push(`validation ${names[e.event]}: ${e.message}`);
        }
        const frame = document.getElementById("frame");
        frame.innerHTML = "";
        const holder = document.createElement("div");
        holder.className = "card";
        frame.appendChild(holder);
        const rendered = adaptive.render();
        if (!rendered) problems.push("the renderer produced nothing");
        else holder.appendChild(rendered);
        const box = holder.getBoundingClientRect();
        if (rendered && (box.height < 20 || box.width < 100)) problems.push(`rendered too small: ${box.width}×${box.height}`);
        return { problems, width: Math.round(box.width), height: Math.round(box.height) };
      },
      { card, hostConfig },
    );
    const png = join(outDir, `${name}.png`);
    await page.locator("#frame").screenshot({ path: png });
    results.push({ name, png, width: outcome.width, height: outcome.height, problems: [...outcome.problems, ...consoleProblems] });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(join(outDir, "results.json"), JSON.stringify(results, null, 2));
