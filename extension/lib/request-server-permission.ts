/**
 * Asks for the permissions a server needs: its origin and, in Firefox 140+, the reader's
 * consent to send website content (the article's topics and title terms), as the manifest
 * declares it optional. Must be called straight from a click handler.
 */
import { browser } from 'wxt/browser';

type PermissionRequest = Parameters<typeof browser.permissions.request>[0];

export function requestServerPermission(originPattern: string): Promise<boolean> {
  if (import.meta.env.FIREFOX) {
    try {
      // Firefox before 140 rejects the unknown key synchronously; then ask for the origin alone.
      return browser.permissions.request({ origins: [originPattern], data_collection: ['websiteContent'] } as PermissionRequest);
    } catch {
      // fall through
    }
  }
  return browser.permissions.request({ origins: [originPattern] });
}
