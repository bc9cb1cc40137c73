/**
 * Copies the "Who moved" section's sentence on the segments that grew and
 * shrank most (marked `data-what-changed`) into the "What changed" list,
 * whenever that list is drawn: the sentence compares all customers with
 * the earlier run, so it reads the same under every filter. Nothing when
 * the page has no such sentence (a first run, or no segment changed
 * size) or the list already holds it.
 */
export function addSegmentChange(document: Document): void {
  const source = document.querySelector("#migration [data-what-changed]");
  const list = document.querySelector("#what-changed ul.takeaways");
  if (!source || !list || list.querySelector('[data-takeaway="segments"]')) {
    return;
  }
  const item = document.createElement("li");
  item.setAttribute("data-takeaway", "segments");
  item.innerHTML = source.innerHTML;
  list.append(item);
}
