using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

public sealed class QueryMatchingTests
{
    [Theory]
    // the contract, row by row
    [InlineData("truce", "Truce holds in the north", true)]
    [InlineData("truce", "TRUCE HOLDS", true)]
    [InlineData("truce", "Truces collapse", false)]
    [InlineData("truce", "distruce", false)]
    [InlineData("truce*", "Truces collapse", true)]
    [InlineData("truce*", "Truce holds", true)]
    [InlineData("truce*", "a distrust of truth", false)]
    [InlineData("\"prisoner exchange\"", "A Prisoner Exchange was agreed", true)]
    [InlineData("\"prisoner exchange\"", "an exchange of prisoners", false)]
    [InlineData("\"prisoner exchange\"", "prisoner swap and exchange", false)]
    [InlineData("cease-fire", "Cease-fire agreed", true)]
    [InlineData("cease-fire", "cease fire agreed", true)]
    [InlineData("cease-fire", "Ceasefire agreed", true)]
    [InlineData("cease-fire", "CEASE FIRE", true)]
    [InlineData("gaza hostages", "Gaza: hostages freed", true)]
    [InlineData("gaza hostages", "Gaza strikes", false)]
    [InlineData("gaza OR rafah", "Rafah crossing opens", true)]
    [InlineData("gaza OR rafah", "Khan Younis", false)]
    [InlineData("hostages -sports", "hostages freed", true)]
    [InlineData("hostages -sports", "hostages | summary=sports news", false)]
    [InlineData("hostages NOT sports", "hostages freed", true)]
    [InlineData("hostages NOT sports", "Sports hostages", false)]
    [InlineData("(gaza OR rafah) hostages", "Rafah hostages", true)]
    [InlineData("(gaza OR rafah) hostages", "Rafah crossing", false)]
    [InlineData("(gaza OR rafah) hostages", "hostages in Khan Younis", false)]
    [InlineData("title:ceasefire", "Ceasefire holds", true)]
    [InlineData("title:ceasefire", "Talks | summary=a ceasefire holds", false)]
    [InlineData("gaza hostages OR captives", "Gaza captives", true)]
    [InlineData("gaza hostages OR captives", "Gaza hostages", true)]
    [InlineData("gaza hostages OR captives", "hostages and captives", false)]
    [InlineData("gaza hostages OR captives", "Gaza", false)]
    // precedence: a b OR c is a AND (b OR c)
    [InlineData("a b OR c", "a c", true)]
    [InlineData("a b OR c", "c", false)]
    [InlineData("a b OR c", "b c", false)]
    // possessives and apostrophes
    [InlineData("israel", "Israel’s army", true)]
    [InlineData("israel", "Israel‘s army", true)]
    [InlineData("israel", "Israelʼs army", true)]
    [InlineData("israel", "Israel's army", true)]
    [InlineData("israel", "Israel&#8217;s army", true)]
    [InlineData("\"israel's army\"", "Israel’s army", true)]
    [InlineData("truce", "the truce’s terms", true)]
    [InlineData("truce", "the truces’ terms", false)]
    [InlineData("o'brien", "Mr O’Brien said", true)]
    [InlineData("o'brien", "Mr OBrien said", true)]
    // dashes of every kind, and soft hyphens
    [InlineData("cease-fire", "cease\u2011fire (non-breaking hyphen)", true)]
    [InlineData("cease-fire", "cease\u2013fire (en dash)", true)]
    [InlineData("cease-fire", "cease\u2014fire (em dash)", true)]
    [InlineData("cease-fire", "cease\u2212fire (minus)", true)]
    [InlineData("cease-fire", "cease\u00ADfire (soft hyphen)", true)]
    [InlineData("cease\u2013fire", "cease-fire", true)]
    [InlineData("cease-fire", "cease-and-desist letter, fire", false)]
    [InlineData("cease-fire", "Ceasefires agreed", false)]
    [InlineData("cease-fire", "fire cease", false)]
    [InlineData("ceasefire", "cease fire", false)]
    [InlineData("U.S.", "he told us about it", false)]
    [InlineData("U.S.", "new U.S. sanctions", true)]
    [InlineData("\"U.S. sanctions\"", "placed us sanctions", false)]
    [InlineData("AT&T", "an AT&T deal", true)]
    [InlineData("AT&T", "at the deal", false)]
    [InlineData("israel \u2013 hamas", "Israel and Hamas talks", true)]
    [InlineData("hostages - sports", "hostages in sports", true)]
    [InlineData("idlib", "\u0130dlib shelling", true)]
    [InlineData("\u0130stanbul", "Istanbul talks", true)]
    [InlineData("strasse", "Stra\u00DFe closed", true)]
    [InlineData("lodz", "\u0141\u00F3d\u017A mayor", true)]
    [InlineData("oresund", "\u00D8resund bridge", true)]
    [InlineData("ceasefire", "A cease-fire holds", true)]
    [InlineData("ceasefire", "A cease\u2013fire holds", true)]
    [InlineData("ceasefire", "A cease\u2011fire holds", true)]
    [InlineData("ceasefire", "cease-fires hold", false)]
    [InlineData("ceasefire*", "cease-fires hold", true)]
    [InlineData("ceasefire", "cease - fire", false)]
    [InlineData("ceasefire", "cease-and-desist fire", false)]
    [InlineData("email", "an e-mail scam", true)]
    [InlineData("motherinlaw", "his mother-in-law said", true)]
    [InlineData("\"ceasefire deal\"", "a cease-fire deal", true)]
    [InlineData("title:ceasefire", "Talks | summary=a cease-fire holds", false)]
    // prefix on hyphenated words
    [InlineData("cease-fire*", "ceasefires agreed", true)]
    [InlineData("cease-fire*", "cease-fires agreed", true)]
    [InlineData("cease-fire*", "cease fireworks", true)]
    [InlineData("cease-fire*", "cease firing", false)]
    [InlineData("cease-fire*", "cease and desist", false)]
    // HTML and entities
    [InlineData("\"aid deliveries\"", "x | summary=more aid <em>deliveries</em> today", true)]
    [InlineData("deliveries", "x | summary=aid<em>deliveries</em>", false)]
    [InlineData("ceasefire", "x | summary=a cease<b>fire</b> holds", true)]
    [InlineData("\"aid deliveries\"", "x | summary=aid<br>deliveries", true)]
    [InlineData("deliveries", "x | summary=<p>aid</p><p>deliveries</p>", true)]
    [InlineData("cease-fire", "x | summary=cease&ndash;fire", true)]
    [InlineData("cease-fire", "x | summary=cease&nbsp;fire", true)]
    [InlineData("cease-fire", "x | summary=cease&#8209;fire", true)]
    [InlineData("pokemon", "x | summary=Pok&#233;mon", true)]
    [InlineData("truce", "x | summary=<script>var truce = 1;</script>news", false)]
    [InlineData("truce", "x | summary=<style>.truce { }</style>news", false)]
    [InlineData("truce", "x | summary=<a title=\"truce\" href=\"/x\">news</a>", false)]
    [InlineData("truce", "x | summary=<!-- truce -->news", false)]
    // accents, both ways, and other Unicode forms
    [InlineData("pokemon", "Pokémon Go", true)]
    [InlineData("pokémon", "Pokemon Go", true)]
    [InlineData("POKÉMON", "pokemon go", true)]
    [InlineData("pokemon", "Poke\u0301mon (decomposed)", true)]
    [InlineData("gaza", "ＧＡＺＡ (fullwidth)", true)]
    [InlineData("fire", "\uFB01re (ligature)", true)]
    // whole words only
    [InlineData("pagan", "propaganda", false)]
    [InlineData("pagan", "a pagan rite", true)]
    // phrases stay within one field, one category
    [InlineData("\"prisoner exchange\"", "prisoner | summary=exchange", false)]
    [InlineData("\"prisoner exchange\"", "x | category=prisoner | category=exchange", false)]
    [InlineData("\"prisoner exchange\"", "x | category=prisoner exchange", true)]
    [InlineData("\"prisoner cease-fire\"", "prisoner ceasefire", true)]
    [InlineData("\"prisoner cease-fire\"", "prisoner cease fire", true)]
    [InlineData("\"prisoner cease-fire deal\"", "prisoner cease fire deal", true)]
    [InlineData("\"prisoner cease-fire deal\"", "prisoner cease fire no deal", false)]
    [InlineData("“prisoner exchange”", "prisoner exchange", true)]
    [InlineData("«prisoner exchange»", "prisoner exchange", true)]
    // exclusions with phrases and groups
    [InlineData("hostages -\"prisoner exchange\"", "hostages in a prisoner exchange", false)]
    [InlineData("hostages -\"prisoner exchange\"", "hostages exchange prisoner", true)]
    [InlineData("hostages -(sports OR football)", "hostages football", false)]
    [InlineData("hostages -(sports OR football)", "hostages freed", true)]
    [InlineData("hostages -(sports football)", "hostages football", true)]
    [InlineData("hostages -(sports football)", "hostages football sports", false)]
    [InlineData("hostages \u2013sports", "hostages sports", false)]
    [InlineData("hostages NOT title:sports", "hostages | summary=sports", true)]
    // lower-case or / not are words
    [InlineData("gaza or rafah", "Gaza or Rafah", true)]
    [InlineData("gaza or rafah", "Gaza Rafah", false)]
    [InlineData("gaza not rafah", "Gaza, not Rafah", true)]
    [InlineData("gaza AND rafah", "Gaza Rafah", true)]
    // field scopes
    [InlineData("category:politics", "x | category=World | category=Politics", true)]
    [InlineData("category:politics", "Politics", false)]
    [InlineData("author:smith", "x | author=Jane Smith", true)]
    [InlineData("author:smith", "Smith", false)]
    [InlineData("content:truce", "x | content=<p>Truce holds</p>", true)]
    [InlineData("summary:\"aid deliveries\"", "x | summary=Aid deliveries resume", true)]
    [InlineData("summary:\"aid deliveries\"", "Aid deliveries resume", false)]
    [InlineData("title:truce*", "Truces hold", true)]
    [InlineData("Title:truce", "Truce", true)]
    public void AQueryMatchesAnItemAsTheContractSays(string query, string item, bool expected)
    {
        var compiled = CompiledQuery.Compile(query);

        Assert.Equal(expected, compiled.IsMatch(TestItem.Parse(item)));
    }

    [Fact]
    public void AFeedItemIsMatchedOnAllItsFields()
    {
        var item = new AlertWorker.Feeds.FeedItem
        {
            Key = "k",
            Title = "Talks resume",
            Summary = "<p>Aid &amp; relief</p>",
            Content = "<div>prisoner exchange</div>",
            Author = "Jane Smith",
            Categories = ["Middle East"],
        };
        var document = MatchDocument.FromItem(item);

        Assert.True(CompiledQuery.Compile("talks relief \"prisoner exchange\" author:smith category:east").IsMatch(document));
        Assert.Equal("Aid & relief", document.GetText(MatchField.Summary));
    }
}
