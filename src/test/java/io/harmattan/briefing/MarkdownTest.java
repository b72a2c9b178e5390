package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersTheUsualMarkdown() {
        String html = Markdown.toHtml("## Outlook\n\n- **Gold** output up\n- *Fuel* convoys\n\n[Source](https://example.org/a)");
        assertThat(html).contains("<h2>Outlook</h2>", "<li><strong>Gold</strong> output up</li>", "<em>Fuel</em>",
                "<a href=\"https://example.org/a\" rel=\"");
        // The sanitizer writes the rel values in no fixed order.
        assertThat(html).containsPattern("rel=\"[a-z ]*noopener[a-z ]*\"").containsPattern("rel=\"[a-z ]*noreferrer[a-z ]*\"");
    }

    @Test
    void neverLetsScriptThrough() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) <a href=\"#\" onclick=\"alert(4)\">x</a>");
        // Escaped text is harmless; what must not exist is a live element or attribute.
        assertThat(html).doesNotContain("<script", "<img", "onerror=", "onclick=", "javascript:", "<a href=\"#\"");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void rendersTablesAndKeepsTheirCellsSafe() {
        String html = Markdown.toHtml("| Road | Risk |\n|:---|---:|\n| Kayes–Bamako | **high** |\n"
                + "| Gao <script>x</script> | [map](javascript:alert(1)) |");
        assertThat(html).contains("<table>", "<thead>", "<th", "Road</th>", "<tbody>", "<td", "<strong>high</strong>",
                "Gao &lt;script&gt;x&lt;/script&gt;");
        assertThat(html).doesNotContain("<script", "javascript:", "style=");
    }

    @Test
    void emptyBodiesGiveNothing() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  ")).isEmpty();
    }
}
