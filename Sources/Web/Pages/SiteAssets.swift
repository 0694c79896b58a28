/// The site's one style sheet and one script, served from here: nothing is loaded from
/// elsewhere (the machines it runs on may have no internet), and the Content-Security-
/// Policy allows scripts and styles from this site only.
enum SiteAssets {
    static let styleSheet: StaticString = """
        :root { --ink: #1d2228; --muted: #5f6b77; --line: #d8dde3; --conflict: #c62828; --agree: #2e7d32; --mark: #fff3b0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--ink); background: #fbfbfa; }
        header { background: #22303c; color: #fff; }
        nav { display: flex; gap: 1rem; align-items: center; padding: .5rem 1.25rem; }
        nav a.home { color: #fff; font-weight: 700; text-decoration: none; }
        nav form { margin-left: auto; display: flex; gap: .25rem; }
        nav input { width: 22rem; max-width: 50vw; padding: .25rem .5rem; }
        main { padding: 1rem 1.25rem 3rem; max-width: 76rem; }
        footer { color: var(--muted); padding: 1rem 1.25rem; border-top: 1px solid var(--line); font-size: 13px; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        a { color: #1f5fa8; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--muted); }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .counts { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
        .counts li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
        .counts strong { display: block; font-size: 1.4rem; }
        .banner { background: var(--conflict); color: #fff; padding: .5rem 1.25rem; }
        .banner a { color: #fff; }
        .none, .muted { color: var(--muted); }
        .problem { color: var(--conflict); }
        tr.conflict td.verdict, .verdict.conflict { color: var(--conflict); font-weight: 600; }
        .verdict.agree { color: var(--agree); }
        .text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1rem 1.25rem; max-width: 50rem; }
        .claim { background: #e8f0fb; border-bottom: 2px solid #8fb3e3; }
        .claim.denies { background: #fdeaea; border-bottom-color: #e39a9a; }
        mark.figure { background: var(--mark); font-weight: 600; padding: 0 .1em; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.meta dt { color: var(--muted); }
        ul.plain { list-style: none; padding: 0; } ul.plain li { padding: .2rem 0; }
        li.new { background: #fff8d6; }
        svg.chart { width: 100%; max-width: 880px; height: auto; background: #fff; border: 1px solid var(--line); }
        svg.chart .grid { stroke: #eceff2; } svg.chart .axis { stroke: #8a949e; }
        svg.chart text { font-size: 11px; fill: var(--muted); }
        svg.chart .history { fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; opacity: .7; }
        svg.chart .mark line, svg.chart .mark polyline { stroke-width: 2.5; }
        svg.chart .mark rect { fill-opacity: .25; stroke-width: 1.5; }
        svg.chart .mark .halo { fill: none; stroke: var(--conflict); stroke-width: 2; }
        .s0 { stroke: #1f77b4; fill: #1f77b4; } .s1 { stroke: #ff7f0e; fill: #ff7f0e; } .s2 { stroke: #2ca02c; fill: #2ca02c; }
        .s3 { stroke: #9467bd; fill: #9467bd; } .s4 { stroke: #8c564b; fill: #8c564b; } .s5 { stroke: #e377c2; fill: #e377c2; }
        .s6 { stroke: #7f7f7f; fill: #7f7f7f; } .s7 { stroke: #17becf; fill: #17becf; }
        svg.chart polyline.history { fill: none; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; font-size: 13px; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem; vertical-align: -1px; }
        .swatch.s0 { background: #1f77b4; } .swatch.s1 { background: #ff7f0e; } .swatch.s2 { background: #2ca02c; }
        .swatch.s3 { background: #9467bd; } .swatch.s4 { background: #8c564b; } .swatch.s5 { background: #e377c2; }
        .swatch.s6 { background: #7f7f7f; } .swatch.s7 { background: #17becf; }

        """

    /// Live updates through Server-Sent Events. Everything from the stream is put into the
    /// page as text (`textContent`), never as markup: the records carry article text.
    static let liveScript: StaticString = """
        "use strict";
        (function () {
          if (!window.EventSource) { return; }
          var stream = new EventSource("/events");
          // Says the script ran: a policy that blocked it would leave no mark.
          document.documentElement.setAttribute("data-live", "listening");
          var banner = document.getElementById("banner");
          var latest = document.getElementById("latest");
          var topic = document.body.querySelector("[data-topic]");
          // Story titles by id, from the "story" messages the server sends before a batch's
          // records: a record names its story by id only.
          var stories = {};
          function element(tag, text, className) {
            var node = document.createElement(tag);
            if (text !== undefined) { node.textContent = text; }
            if (className) { node.className = className; }
            return node;
          }
          function link(text, path) {
            var anchor = element("a", text);
            anchor.href = path;
            return anchor;
          }
          stream.addEventListener("article.ingested", function (event) {
            if (!latest) { return; }
            var record = JSON.parse(event.data);
            var item = element("li", undefined, "new");
            item.appendChild(link(record.title || record.path, "/articles/" + encodeURIComponent(record.article)));
            item.appendChild(element("span", " · " + (record.outlet || record.path), "muted"));
            latest.insertBefore(item, latest.firstChild);
          });
          stream.addEventListener("story", function (event) {
            var story = JSON.parse(event.data);
            stories[story.story] = story;
          });
          stream.addEventListener("figure.compared", function (event) {
            var record = JSON.parse(event.data);
            var here = topic && topic.getAttribute("data-topic") === record.topic;
            if (!banner || !(record.conflicting > 0 || here)) { return; }
            banner.textContent = "";
            banner.appendChild(element("strong", record.conflicting > 0 ? "New conflict: " : "New figure here: "));
            if (record.story) {
              var story = stories[record.story];
              banner.appendChild(document.createTextNode("in "));
              banner.appendChild(link((story && story.title) || "story " + record.story.slice(0, 12), "/stories/" + encodeURIComponent(record.story)));
              banner.appendChild(document.createTextNode(" · "));
            }
            var what = record.label + ": " + record.text;
            if (record.conflicting > 0) { what += " conflicts with " + record.conflicting + " figure(s)"; }
            banner.appendChild(link(what, "/topics/" + encodeURIComponent(record.topic)));
            banner.hidden = false;
          });
          stream.addEventListener("stats", function (event) {
            var stats = JSON.parse(event.data);
            var cells = document.querySelectorAll("[data-count]");
            for (var i = 0; i < cells.length; i++) {
              var value = stats[cells[i].getAttribute("data-count")];
              if (typeof value === "number") { cells[i].textContent = String(value); }
            }
          });
        })();

        """
}
