package io.aigw.cache.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;

/** Closes the pgvector connection pool on shutdown, when there is one. */
final class PooledDataSourceCloser implements DisposableBean {

    private final HikariDataSource dataSource;

    PooledDataSourceCloser(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void destroy() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
