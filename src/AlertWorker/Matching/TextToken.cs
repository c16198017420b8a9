namespace AlertWorker.Matching;

/// <summary>A normalised word and the span <c>[Start, End)</c> of the text it came from.</summary>
/// <param name="Text">The normalised word: lower case, no accents, letters and digits only.</param>
/// <param name="Start">Offset of its first character in the source text.</param>
/// <param name="End">Offset just past its last character in the source text.</param>
internal readonly record struct TextToken(string Text, int Start, int End);
