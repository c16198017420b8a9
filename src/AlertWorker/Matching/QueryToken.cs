namespace AlertWorker.Matching;

/// <summary>A lexical token: its kind, its text (word, phrase content or field name) and its span in the query.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Start, int End);
