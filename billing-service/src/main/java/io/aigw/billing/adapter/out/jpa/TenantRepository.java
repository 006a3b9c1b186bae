package io.aigw.billing.adapter.out.jpa;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TenantRepository extends JpaRepository<TenantEntity, String> {

    @Query("select t.id from TenantEntity t where t.plan = :plan order by t.id")
    List<String> idsOnPlan(String plan);
}
