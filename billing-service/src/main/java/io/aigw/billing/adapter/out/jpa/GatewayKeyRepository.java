package io.aigw.billing.adapter.out.jpa;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GatewayKeyRepository extends JpaRepository<GatewayKeyEntity, String> {

    Optional<GatewayKeyEntity> findByKeyHash(String keyHash);

    List<GatewayKeyEntity> findByTenantIdOrderByCreatedAtAscIdAsc(String tenantId);
}
