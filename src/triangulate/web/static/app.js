// Bring the passage a reader followed into view (the server marks it; see ?mark=).
(function () {
  "use strict";
  function reveal() {
    var target = document.querySelector(".hit") || (location.hash && document.getElementById(location.hash.slice(1)));
    if (target && target.scrollIntoView) {
      target.scrollIntoView({ block: "center" });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
