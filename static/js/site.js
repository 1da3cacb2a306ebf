/* Regelingenwijzer: optional enhancements only. Every page works completely without this file. */
(function () {
  "use strict";

  /* "Lees voor": read the scheme page aloud with the browser's own speech synthesis (nothing leaves the device). */
  function setUpReadAloud() {
    var button = document.querySelector("[data-lees-voor]");
    var region = document.querySelector("[data-voorlees]");
    if (!button || !region || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
      return;
    }
    var label = button.querySelector("span");
    var speaking = false;
    function setSpeaking(value) {
      speaking = value;
      label.textContent = value ? button.getAttribute("data-stop") : button.getAttribute("data-start");
      button.setAttribute("aria-pressed", value ? "true" : "false");
    }
    /* The text in pieces by language (the nearest lang attribute), so each piece is read with a voice for its language. */
    function pieces(copy) {
      var result = [];
      var walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      var pageLang = document.documentElement.lang || "nl";
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var owner = node.parentElement.closest("[lang]");
        var lang = owner ? owner.getAttribute("lang") : pageLang;
        var last = result[result.length - 1];
        if (last && last.lang === lang) {
          last.text += " " + node.textContent;
        } else {
          result.push({ lang: lang, text: node.textContent });
        }
      }
      return result.map(function (piece) {
        return { lang: piece.lang, text: piece.text.replace(/\s+/g, " ").trim() };
      }).filter(function (piece) { return piece.text; });
    }
    function voiceFor(lang) {
      var voices = window.speechSynthesis.getVoices() || [];
      return voices.filter(function (voice) { return voice.lang.toLowerCase().indexOf(lang.toLowerCase()) === 0; })[0] || null;
    }
    button.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      if (speaking) {
        setSpeaking(false);
        return;
      }
      var copy = region.cloneNode(true);
      copy.querySelectorAll(".read-aloud, .visually-hidden, svg").forEach(function (node) { node.remove(); });
      var parts = pieces(copy);
      if (!parts.length) {
        return;
      }
      setSpeaking(true);
      parts.forEach(function (piece, index) {
        var utterance = new SpeechSynthesisUtterance(piece.text);
        utterance.lang = piece.lang === "nl" ? "nl-NL" : piece.lang;
        var voice = voiceFor(piece.lang);
        if (voice) {
          utterance.voice = voice;
        }
        utterance.rate = 0.9;
        if (index === parts.length - 1) {
          utterance.onend = function () { setSpeaking(false); };
        }
        utterance.onerror = function () { setSpeaking(false); };
        window.speechSynthesis.speak(utterance);
      });
    });
    button.parentElement.hidden = false;
  }

  /* Postcode: name the municipality as soon as 4 digits are typed, from the ranges the page already holds. */
  function setUpPostcodeHint() {
    var form = document.querySelector("form[data-postcodes]");
    if (!form) {
      return;
    }
    var input = form.querySelector("input[name=postcode]");
    var hint = form.querySelector(".postcode-hint");
    var ranges;
    try {
      ranges = JSON.parse(form.getAttribute("data-postcodes"));
    } catch (error) {
      return;
    }
    input.addEventListener("input", function () {
      var digits = (input.value.match(/^\s*([1-9]\d{3})/) || [])[1];
      if (!digits) {
        hint.textContent = "";
        return;
      }
      var name = null;
      Object.keys(ranges).forEach(function (range) {
        var parts = range.split("-");
        if (digits >= parts[0] && digits <= (parts[1] || parts[0])) {
          name = ranges[range];
        }
      });
      hint.textContent = name ? form.getAttribute("data-found").replace("{naam}", name) : form.getAttribute("data-none");
    });
  }

  setUpReadAloud();
  setUpPostcodeHint();
})();
