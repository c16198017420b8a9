namespace AlertWorker.Matching;

/// <summary>Kinds of lexical tokens of the query language.</summary>
internal enum QueryTokenKind
{
    Word,
    Phrase,
    Field,
    Minus,
    Not,
    Or,
    And,
    LeftParen,
    RightParen,
    End,
}
