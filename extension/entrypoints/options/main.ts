/**
 * The options page: panel language, glossary highlights, the sites the extension runs on
 * (defaults can be switched off; a site is added with that host's permission, asked at that
 * moment) and the optional server URL (with the permission for that origin only).
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SITES, hostBelongsTo, matchPatternFor } from '../../lib/default-sites';
import { h } from '../../../shared/dom/h';
import { format, strings, type Strings } from '../../lib/i18n';
import { uiLanguage } from '../../lib/panel-language';
import { requestServerPermission } from '../../lib/request-server-permission';
import {
  highlightsSetting,
  languageSetting,
  LANGUAGE_SETTINGS,
  normalizeHost,
  normalizeServerUrl,
  originPattern,
  readSettings,
  serverUrlSetting,
  sitesSetting,
  type LanguageSetting,
  type SitesSetting,
} from '../../lib/settings';

const app = document.getElementById('app')!;

/** Language names as their speakers write them. */
const LANGUAGE_NAMES: Record<Exclude<LanguageSetting, 'auto'>, string> = {
  en: 'English',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

function status(id: string): HTMLElement {
  return h(document, 'p', { class: 'status', attrs: { id, role: 'status' } });
}

function say(el: HTMLElement, text: string, error = false): void {
  el.textContent = text;
  el.classList.toggle('error', error);
}

function defaultSiteFor(host: string) {
  return DEFAULT_SITES.find((s) => hostBelongsTo(host, s.host));
}

/**
 * Add a site. Must be called straight from a click: the permission prompt needs the user's
 * gesture, so it is the first asynchronous call.
 */
async function addSite(host: string, sites: SitesSetting): Promise<boolean> {
  const site = defaultSiteFor(host);
  if (site) {
    // Already in the manifest's matches: switching it back on is enough.
    await sitesSetting.setValue({ ...sites, disabled: sites.disabled.filter((h) => h !== site.host) });
    return true;
  }
  const granted = await browser.permissions.request({ origins: [matchPatternFor(host)] });
  if (!granted) return false;
  await sitesSetting.setValue({ ...sites, added: [...new Set([...sites.added, host])] });
  return true;
}

async function removeSite(host: string, sites: SitesSetting): Promise<void> {
  await sitesSetting.setValue({ ...sites, added: sites.added.filter((h) => h !== host) });
  await browser.permissions.remove({ origins: [matchPatternFor(host)] }).catch(() => false);
}

function languageFieldset(s: Strings, current: LanguageSetting): HTMLElement {
  const select = h(document, 'select', {
    attrs: { id: 'language' },
    on: { change: (e) => void languageSetting.setValue((e.target as HTMLSelectElement).value as LanguageSetting).then(render) },
  }, ...LANGUAGE_SETTINGS.map((l) => h(document, 'option', { attrs: { value: l } }, l === 'auto' ? s.languageAuto : LANGUAGE_NAMES[l])));
  select.value = current;
  return h(document, 'fieldset', {}, h(document, 'legend', {}, s.language), h(document, 'label', { attrs: { for: 'language' } }, select));
}

function highlightsFieldset(s: Strings, on: boolean): HTMLElement {
  const box = h(document, 'input', {
    attrs: { type: 'checkbox', id: 'highlights' },
    on: { change: (e) => void highlightsSetting.setValue((e.target as HTMLInputElement).checked) },
  });
  box.checked = on;
  return h(document, 'fieldset', {}, h(document, 'legend', {}, s.glossary), h(document, 'label', {}, box, ' ', s.highlights));
}

function sitesFieldset(s: Strings, sites: SitesSetting, suggested: string | null): HTMLElement {
  const note = status('sites-status');
  const add = async (input: string): Promise<void> => {
    const host = normalizeHost(input);
    if (!host) return say(note, s.invalidHost, true);
    const ok = await addSite(host, sites);
    if (!ok) return say(note, s.permissionDenied, true);
    await render();
    say(document.getElementById('sites-status')!, s.saved);
  };
  const input = h(document, 'input', { attrs: { type: 'text', id: 'site-input', placeholder: 'example.org', autocomplete: 'off' } });
  const suggestedHost = suggested ? normalizeHost(suggested) : null;
  const alreadyOn =
    suggestedHost !== null &&
    (sites.added.includes(suggestedHost) || (defaultSiteFor(suggestedHost) !== undefined && !sites.disabled.includes(defaultSiteFor(suggestedHost)!.host)));

  return h(document, 'fieldset', {},
    h(document, 'legend', {}, s.sites),
    suggestedHost && !alreadyOn && h(document, 'p', {},
      h(document, 'button', { attrs: { type: 'button', id: 'add-current' }, on: { click: () => void add(suggestedHost) } }, format(s.addCurrent, { host: suggestedHost })),
    ),
    h(document, 'div', { class: 'row' },
      h(document, 'label', { attrs: { for: 'site-input' } }, s.addSiteLabel),
      input,
      h(document, 'button', { attrs: { type: 'button', id: 'site-add' }, on: { click: () => void add(input.value) } }, s.add),
    ),
    note,
    h(document, 'h2', {}, s.addedSites),
    sites.added.length === 0
      ? h(document, 'p', { class: 'muted' }, s.noAddedSites)
      : h(document, 'ul', { attrs: { id: 'added-sites' } },
          ...sites.added.map((host) =>
            h(document, 'li', {}, host, ' ',
              h(document, 'button', { attrs: { type: 'button' }, on: { click: () => void removeSite(host, sites).then(render) } }, s.remove),
            ),
          ),
        ),
    h(document, 'h2', {}, s.defaultSites),
    h(document, 'ul', { class: 'sites', attrs: { id: 'default-sites' } },
      ...DEFAULT_SITES.map((site) => {
        const box = h(document, 'input', {
          attrs: { type: 'checkbox', 'data-host': site.host },
          on: {
            change: (e) => {
              const on = (e.target as HTMLInputElement).checked;
              const disabled = on ? sites.disabled.filter((x) => x !== site.host) : [...new Set([...sites.disabled, site.host])];
              void sitesSetting.setValue({ ...sites, disabled }).then(render);
            },
          },
        });
        box.checked = !sites.disabled.includes(site.host);
        return h(document, 'li', {}, h(document, 'label', { attrs: { title: site.name } }, box, ' ', site.host));
      }),
    ),
  );
}

function serverFieldset(s: Strings, server: string): HTMLElement {
  const note = status('server-status');
  const input = h(document, 'input', { attrs: { type: 'url', id: 'server-url', placeholder: 'https://nadzor.example.org', autocomplete: 'off' } });
  input.value = server;
  const save = async (): Promise<void> => {
    let url: string;
    try {
      url = normalizeServerUrl(input.value);
    } catch {
      return say(note, s.invalidUrl, true);
    }
    // The permission prompt first, while the click still counts as the user's gesture.
    if (url !== '' && !(await requestServerPermission(originPattern(url)))) {
      return say(note, s.permissionDenied, true);
    }
    const previous = server;
    await serverUrlSetting.setValue(url);
    if (previous && previous !== url) {
      await browser.permissions.remove({ origins: [originPattern(previous)] }).catch(() => false);
    }
    server = url;
    input.value = url;
    say(note, s.saved);
  };
  return h(document, 'fieldset', {},
    h(document, 'legend', {}, s.server),
    h(document, 'p', { class: 'help' }, s.serverHelp),
    h(document, 'div', { class: 'row' },
      h(document, 'label', { attrs: { for: 'server-url' } }, s.serverUrl),
      input,
      h(document, 'button', { attrs: { type: 'button', id: 'server-save' }, on: { click: () => void save() } }, s.save),
    ),
    note,
  );
}

async function render(): Promise<void> {
  const settings = await readSettings();
  const lang = uiLanguage(settings.language, browser.i18n.getUILanguage());
  const s = strings(lang);
  document.documentElement.lang = lang;
  document.title = s.optionsTitle;
  const suggested = new URLSearchParams(location.search).get('add');
  app.replaceChildren(
    h(document, 'h1', {}, s.optionsTitle),
    languageFieldset(s, settings.language),
    highlightsFieldset(s, settings.highlights),
    sitesFieldset(s, settings.sites, suggested),
    serverFieldset(s, settings.serverUrl),
  );
}

void render();
