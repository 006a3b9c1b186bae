package io.aigw.billing.adapter.out.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UsageLedgerRepository extends JpaRepository<UsageLedgerEntity, String> {}
