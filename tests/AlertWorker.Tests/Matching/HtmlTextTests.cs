using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>Aid</p><p>deliveries</p>", "Aid deliveries")]
    [InlineData("aid<br/>deliveries", "aid deliveries")]
    [InlineData("aid <em>deliveries</em>", "aid deliveries")]
    [InlineData("cease<b>fire</b>", "ceasefire")]
    [InlineData("cease&ndash;fire&nbsp;holds", "cease–fire holds")]
    [InlineData("Israel&#8217;s &amp; &#x201C;Gaza&#x201D;", "Israel’s & “Gaza”")]
    [InlineData("&lt;b&gt; is text", "<b> is text")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("x<script type=\"text/javascript\">if (a < b) {}</script>y", "x y")]
    [InlineData("x<STYLE>p { }</STYLE>y", "x y")]
    [InlineData("x<!-- hidden -->y", "xy")]
    [InlineData("<a href=\"/a>b\" title='it>s'>link</a>", "link")]
    [InlineData("  many \n\t spaces  ", "many spaces")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void HtmlBecomesPlainText(string? html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }
}
