package io.aigw.cache.domain.verify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The small, generic English word lists the verifier works with. Nothing here names a word because
 * of one particular prompt pair: every list is a closed class (stop words, negations, number words,
 * units, output constraints) or common politeness and chat-speak.
 */
final class Lexicon {

    /** Function words that carry no subject of their own. */
    static final Set<String> STOP = words("a an the is are am was were be been being do does did doing done of in on"
            + " at for with by about as it its this that these those my mine his her hers their theirs them they he"
            + " she him what which how whether if and or but then there here such very up out off also via per each"
            + " every any into onto s t d m ll re ve own just able whose whom whichever whatever e one using because since"
            + " therefore thus hence");

    /**
     * Words that politeness, greetings and chat add without changing the request; dropped on both
     * sides ("could you please tell me how I can ..." asks what "how do I ..." asks).
     */
    static final Set<String> FILLER = words("please pls plz kindly hi hello hey thanks thank thx cheers okay ok so"
            + " really actually basically maybe perhaps wondering wonder curious grateful appreciate appreciated"
            + " advance much lot help tell know want wanted need like would could can may might will shall should"
            + " let me i you your yours we us our dear sure together anyone someone somebody hope get got"
            + " guys folks quick quickly question favor favour honestly ugh um uh hmm oh hiya");

    /** Markers of chit-chat: a sentence with one of these and nothing the answer depends on is small talk. */
    static final Set<String> SOCIAL = words("hi hello hey thanks thank thx cheers please pls plz hope wondering"
            + " wonder curious grateful appreciate appreciated advance sorry excuse bet dear okay ok greetings question"
            + " favor favour honestly ugh um uh hmm oh hiya");

    static final Set<String> NEGATIONS = words("not no never none nobody nothing neither nor without nowhere");

    /** Prefixes that turn a word into its opposite ("correctly" / "incorrectly"). */
    static final String[] NEGATING_PREFIXES = {"un", "in", "im", "il", "ir", "dis", "non", "non-", "anti"};

    /** Words that give a relation a direction: the terms on their two sides must not swap. */
    static final Set<String> DIRECTED = words("to into onto from than toward towards");

    static final Map<String, String> NUMBER_WORDS = pairs("zero 0 two 2 three 3 four 4 five 5 six 6 seven 7"
            + " eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17"
            + " eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 eighty 80 ninety"
            + " 90 hundred 100 thousand 1000 million 1000000 billion 1000000000 dozen 12 half 0.5 single 1 pair 2"
            + " double 2x twice 2x triple 3x first #1 second #2 third #3 fourth #4 fifth #5 sixth #6 seventh #7"
            + " eighth #8 ninth #9 tenth #10 1st #1 2nd #2 3rd #3 4th #4 5th #5");

    /** Units and currencies: a changed unit changes the answer as much as a changed number. */
    static final Set<String> UNITS = words("celsius fahrenheit kelvin degree degrees meter meters metre metres km"
            + " kilometer kilometers kilometre kilometres mile miles foot feet inch inches cm mm yard yards kg"
            + " kilogram kilograms gram grams pound pounds lb lbs ounce ounces oz liter liters litre litres gallon"
            + " gallons ml cup cups usd eur gbp jpy chf cad aud inr cny dollar dollars euro euros yen percent"
            + " hour hours minute minutes second seconds day days week weeks month months year years byte bytes kb"
            + " mb gb tb ms decimal decimals place places digit digits");

    /** Output constraints and dates: format, length, tone, audience, language, time. */
    static final Set<String> CONSTRAINTS = words("json csv yaml xml html markdown table list bullet bullets"
            + " bulleted numbered paragraph paragraphs sentence sentences word words line lines essay poem haiku"
            + " limerick tweet letter outline summary diagram short shorter brief briefly concise long longer"
            + " detailed lengthy formal informal casual professional friendly rude humorous funny serious sarcastic"
            + " enthusiastic persuasive neutral simple technical beginner beginners expert experts kid kids child"
            + " children student students parent parents teenager teenagers adult adults developer developers"
            + " manager managers executive executives english french spanish german italian portuguese chinese"
            + " mandarin japanese korean russian arabic hindi dutch swedish polish turkish greek python java"
            + " javascript typescript kotlin golang rust ruby php swift sql bash shell powershell scala perl today"
            + " tomorrow yesterday tonight morning afternoon evening night weekend weekly daily monthly yearly annual"
            + " annually monday tuesday wednesday thursday friday saturday sunday january february march april june"
            + " july august september october november december summer autumn winter century decade past future"
            + " current recent latest ago next last previous");

    /** Chat-speak and contractions written without an apostrophe, as typed in a hurry. */
    static final Map<String, String> SHORTHAND = pairs("u you r are ur your im i ive i id i dont do_not doesnt"
            + " does_not didnt did_not cant can_not cannot can_not wont will_not isnt is_not arent are_not wasnt"
            + " was_not werent were_not shouldnt should_not couldnt could_not wouldnt would_not havent have_not"
            + " hasnt has_not whos who whats what hows how thats that theres there wheres where whens when"
            + " youre you theyre they b4 before bc because cuz because tho though thru through");

    /**
     * Politeness formulas removed before tokenising: they would otherwise bring a negation ("if it's
     * not too much trouble") or content words ("would you mind") that the request does not have.
     */
    static final java.util.regex.Pattern POLITE_PHRASES = java.util.regex.Pattern.compile(
            "(?i)\\b(if it'?s not too much (trouble|to ask)|if you don'?t mind|if that'?s (alright|all right|ok|okay|fine)"
                    + "|would you mind|do you mind|sorry to (bother|trouble) you( again)?"
                    + "|sorry if this is an? (dumb|stupid|silly|basic|obvious) question|(just )?out of curiosity"
                    + "|(many )?(thanks|thank you)( so much)? in advance|i was (wondering|hoping)( if)?"
                    + "|i'?d be (really |very |so )?grateful if|help me (out )?with something|i (just )?wanted to ask"
                    + "|any help (is|would be) (much )?appreciated)\\b|^\\s*good (morning|afternoon|evening)\\s*[!,.]");

    private Lexicon() {}

    static boolean isFunctionOrFiller(String word) {
        return STOP.contains(word) || FILLER.contains(word);
    }

    static Set<String> words(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }

    private static Map<String, String> pairs(String spaceSeparated) {
        String[] items = spaceSeparated.trim().split("\\s+");
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < items.length; i += 2) {
            map.put(items[i], items[i + 1].replace('_', ' '));
        }
        return Map.copyOf(map);
    }

    static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }
}
