using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Sat, 07 Jan 2017 15:21:42 GMT", "2017-01-07T15:21:42+00:00")]
    [InlineData("Sat, 7 Jan 2017 09:40:00 -0500", "2017-01-07T09:40:00-05:00")]
    [InlineData("07 Jan 2017 18:20:03 +0300", "2017-01-07T18:20:03+03:00")]
    [InlineData("Sun, 08 Jan 17 00:10 EST", "2017-01-08T00:10:00-05:00")]
    [InlineData("Thu, 04 Aug 2016 14:40:31 PDT", "2016-08-04T14:40:31-07:00")]
    [InlineData("Thursday, 04 August 2016 14:40:31 Z", "2016-08-04T14:40:31+00:00")]
    [InlineData("Mon, 23 Jan 2017 16:45:02 +01:00", "2017-01-23T16:45:02+01:00")]
    [InlineData("Mon, 23 Jan 2017 16:45:02 XYZT", "2017-01-23T16:45:02+00:00")]
    [InlineData("2017-01-07T09:00:01-05:00", "2017-01-07T09:00:01-05:00")]
    [InlineData("2017-01-07T09:00:01.123Z", "2017-01-07T09:00:01.123+00:00")]
    [InlineData("2017-01-07 09:00", "2017-01-07T09:00:00+00:00")]
    [InlineData("2017-01-07", "2017-01-07T00:00:00+00:00")]
    public void Common_feed_dates_parse(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    [InlineData("Mon, 31 Feb 2017 10:00:00 GMT")]
    [InlineData("Mon, 12 Foo 2017 10:00:00 GMT")]
    [InlineData("2017-13-45T99:00:00Z")]
    public void Unreadable_dates_are_null_and_never_throw(string? text) => Assert.Null(FeedDates.Parse(text));
}
