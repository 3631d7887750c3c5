/// The one script of the pages: it runs their passkey ceremonies.
///
/// Served as a file of its own (never inline), and loaded only by the pages that offer
/// passkeys, whose Content-Security-Policy allows it (see ``Pages/contentSecurityPolicy(for:)``).
/// Every page works without it; its passkey sections stay hidden then.
///
/// A form with `data-passkey="create"` or `data-passkey="get"` and `data-options` asks that
/// address for the ceremony's options (posting its `csrf_token` when it has one, else `{}`),
/// runs the ceremony with `PublicKeyCredential.parseCreationOptionsFromJSON` /
/// `parseRequestOptionsFromJSON`, puts the JSON text of `credential.toJSON()` into its
/// `[data-passkey-result]` input and submits itself, form-encoded as every page form.
public enum PasskeyScript {
    /// The `Content-Type` to serve it with.
    public static let contentType = "text/javascript; charset=utf-8"

    /// The script.
    public static let source = """
        "use strict";
        // mfa-server: the passkey ceremonies of its pages. See PasskeyScript in MFAPages.
        (function () {
          const supported = typeof window.PublicKeyCredential === "function"
            && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
            && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
          if (!supported) return;
          for (const form of document.querySelectorAll("form[data-passkey]")) {
            const section = form.closest("[data-passkey-section]");
            if (section) section.hidden = false;
            form.addEventListener("submit", (event) => {
              event.preventDefault();
              run(form);
            });
          }

          function optionsRequest(form) {
            const token = form.querySelector("input[name=csrf_token]");
            if (token) {
              return {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/x-www-form-urlencoded" },
                body: new URLSearchParams({ csrf_token: token.value }),
              };
            }
            return { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}" };
          }

          async function run(form) {
            const status = form.querySelector("[data-passkey-status]");
            const button = form.querySelector("button[type=submit]");
            const say = (text) => { if (status) status.textContent = text; };
            if (!form.reportValidity()) return;
            button.disabled = true;
            say("Waiting for your passkey…");
            try {
              const response = await fetch(form.dataset.options, optionsRequest(form));
              const answer = await response.json();
              if (!response.ok) {
                say(answer.detail || "The passkey options could not be loaded.");
                return;
              }
              const credential = form.dataset.passkey === "create"
                ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(answer.publicKey) })
                : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(answer.publicKey) });
              form.querySelector("[data-passkey-result]").value = JSON.stringify(credential.toJSON());
              say("");
              form.submit();
            } catch (error) {
              say(error && error.name === "NotAllowedError"
                ? "The passkey prompt was closed or timed out. Try again."
                : error && error.name === "InvalidStateError"
                  ? "This passkey is registered already."
                  : "The passkey could not be used.");
            } finally {
              button.disabled = false;
            }
          }
        })();

        """
}
