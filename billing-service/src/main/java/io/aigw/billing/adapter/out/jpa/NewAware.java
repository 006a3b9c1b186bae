package io.aigw.billing.adapter.out.jpa;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Entities with assigned ids. Spring Data's {@code save} would otherwise treat a new row whose id is
 * set as an existing one and {@code merge} it, silently overwriting a row with the same id; marking
 * it new makes {@code save} a plain {@code persist}, so a clash fails on the unique key instead.
 */
@MappedSuperclass
abstract class NewAware implements Persistable<String> {

    @Transient
    private boolean fresh;

    /** Marks this instance as a row to insert. */
    @SuppressWarnings("unchecked")
    <T extends NewAware> T asNew() {
        fresh = true;
        return (T) this;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
