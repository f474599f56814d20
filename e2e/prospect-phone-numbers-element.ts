/**
 * What the specs and benches set on `<prospect-phone-numbers>`: its token provider. The e2e project does
 * not compile the app (src/embed/prospect-phone-numbers-element.tsx), so it names the property itself.
 */
export interface ProspectPhoneNumbersElement extends HTMLElement {
  accessTokenProvider: (() => Promise<string | null | undefined>) | null | undefined;
}
