package se.outband.common;

/** Something Outband says in words, in the language of whoever it says it to. */
public interface Said {

    /** The words, from the feature's message bundle in {@code language}. */
    String sentence(Language language);
}
