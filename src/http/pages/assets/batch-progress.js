// Refreshes a bulk award's progress bar from its JSON status (progressive enhancement: without script the page
// reloads itself every two seconds through the meta refresh in its <noscript>).
const box = document.getElementById("batch-progress");
if (box && box.dataset.status !== "done") {
  const bar = box.querySelector("progress");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { accept: "application/json" } });
      if (response.ok) {
        const batch = await response.json();
        bar.max = batch.total;
        bar.value = batch.issued + batch.failed;
        bar.textContent = `${bar.value} of ${batch.total}`;
        for (const key of ["issued", "failed", "pending"]) {
          const cell = box.querySelector(`[data-count="${key}"]`);
          if (cell) cell.textContent = String(batch[key]);
        }
        if (batch.status === "done") {
          // Reload once for the final errors table and report.
          window.location.reload();
          return;
        }
      }
    } catch {
      // A failed poll is retried on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
