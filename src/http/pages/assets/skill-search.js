// Suggests skills while typing in a search box with data-suggest (progressive enhancement: the form works without it).
for (const input of document.querySelectorAll("input[data-suggest]")) {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  let controller;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || !list) return;
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.suggest}?q=${encodeURIComponent(q)}`;
        const response = await fetch(url, {
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        if (!response.ok) return;
        const { skills } = await response.json();
        list.replaceChildren(
          ...skills.map((skill) => {
            const option = document.createElement("option");
            option.value = skill.name;
            option.label = `${skill.name} (${skill.framework.name})`;
            return option;
          }),
        );
      } catch {
        // A cancelled or failed lookup leaves the previous suggestions.
      }
    }, 150);
  });
}
