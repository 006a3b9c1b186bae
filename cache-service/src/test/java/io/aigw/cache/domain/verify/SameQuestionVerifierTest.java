package io.aigw.cache.domain.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rejection reason and per accepted variation; none of these pairs is in the dev set. */
class SameQuestionVerifierTest {

    private final SameQuestionVerifier verifier = new SameQuestionVerifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "typo        | How do I rename a branch in git?             | how do i renmae a brnach in git",
                "reorder     | In Excel, how do I freeze the top row?        | How do I freeze the top row in Excel?",
                "filler      | How do I boil an egg?                         | Hi! Could you please tell me how I can boil an egg? Thanks in advance.",
                "synonym     | How can I reduce my phone bill?               | How can I lower my phone bill?",
                "contraction | Why doesn't my script run?                    | why doesnt my script run",
                "compound    | Is this watch waterproof?                     | is this watch water proof",
                "small talk  | What is the boiling point of water?           | Hello, hope you are well! What is the boiling point of water?"
            })
    void shouldAcceptWhenOnlyTheWordingDiffers(String variation, String stored, String asked) {
        Verdict verdict = verifier.compare(stored, asked);

        assertThat(verdict.accepted()).as("%s: %s", variation, verdict.detail()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NUMBER     | Split the bill of $90 between 3 people.        | Split the bill of $90 between 4 people.",
                "NUMBER     | Give me five ideas for a team lunch.          | Give me ten ideas for a team lunch.",
                "NUMBER     | How far is 10 miles in total?                 | How far is 10 kilometers in total?",
                "NEGATION   | Which plants need direct sunlight?            | Which plants do not need direct sunlight?",
                "NEGATION   | List the animals that are legal pets in Ohio.  | List the animals that are illegal pets in Ohio.",
                "ENTITY     | What is the time zone of Chicago?             | What is the time zone of Denver?",
                "ENTITY     | Summarize the plot of Hamlet.                 | Summarize the plot of Macbeth.",
                "DIRECTION  | Convert 20 GBP to JPY.                        | Convert 20 JPY to GBP.",
                "DIRECTION  | Move the files from staging to production.    | Move the files from production to staging.",
                "DIRECTION  | Is a cheetah faster than a horse?             | Is a horse faster than a cheetah?",
                "DIRECTION  | Does poor sleep cause weight gain?            | Does weight gain cause poor sleep?",
                "CONSTRAINT | Explain recursion in a formal tone.           | Explain recursion in a humorous tone.",
                "CONSTRAINT | List the planets as a table.                  | List the planets as bullet points.",
                "CONSTRAINT | Explain inflation to children.                | Explain inflation to executives.",
                "CONTENT    | How do I peel a mango?                        | How do I slice a mango?",
                "CONTENT    | Write a poem about the ocean.                 | Write a poem about the desert."
            })
    void shouldRejectWithTheReasonWhenTheAnswerWouldDiffer(RejectionReason reason, String stored, String asked) {
        Verdict verdict = verifier.compare(stored, asked);

        assertThat(verdict.reason()).as(verdict.detail()).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "How do I sort a list in ascending order? | How do I sort a list in descending order?",
                "How do I increase the font size? | How do I decrease the font size?",
                "How do I import contacts into my phone? | How do I export contacts from my phone?"
            })
    void shouldNeverTakeAnOppositeForATypo(String stored, String asked) {
        assertThat(verifier.compare(stored, asked).accepted()).isFalse();
    }
}
